using StmNode.At;

namespace StmNode.Modems
{
    /// <summary>
    /// The data bearer of a Quectel modem: a PDP context the driver sets up and activates (EC20), or the default
    /// bearer the modem brings up with the attach (BC26), as <see cref="QuectelModel.PdpContext"/> says.
    /// </summary>
    public sealed partial class QuectelModem
    {
        /// <summary>
        /// Brings the bearer up from any state: power, init, SIM, APN (null keeps the modem's default), registration
        /// within registrationTimeoutMs, PDP context. Every step is bounded; <see cref="LastError"/> names the failing one.
        /// </summary>
        public bool BringUpBearer(string apn, string apnUser, string apnPassword, int registrationTimeoutMs)
        {
            if (!PowerOn() || !Initialize() || !CheckSim())
            {
                return false;
            }

            if (apn != null && !SetApn(apn, apnUser, apnPassword))
            {
                return false;
            }

            return WaitRegistered(registrationTimeoutMs) && ActivatePdp();
        }

        /// <summary>
        /// Stores the APN the modem attaches with: AT+QICSGP=ctx,1,"apn","user","pass",auth (auth PAP when a user is
        /// given) for a context of the driver's, else AT+QCGDEFCONT (NVRAM, applied at the next attach; user and
        /// password optional).
        /// </summary>
        public bool SetApn(string apn, string user, string password)
        {
            return Model.PdpContext > 0 ? SetContextApn(apn, user, password) : SetDefaultBearerApn(apn, user, password);
        }

        /// <summary>
        /// Makes sure the data bearer is up: AT+QIACT? and, when the context is down, AT+QIACT=ctx (up to 150 s); for
        /// the default bearer, which comes up with the attach, AT+CGATT? → 1.
        /// </summary>
        public bool ActivatePdp()
        {
            return Model.PdpContext > 0 ? ActivateContext() : CheckAttached();
        }

        private bool SetContextApn(string apn, string user, string password)
        {
            user = user == null ? string.Empty : user;
            password = password == null ? string.Empty : password;
            if (!AtText.IsQuectelSafe(apn, 100) || !AtText.IsQuectelSafe(user, 127) || !AtText.IsQuectelSafe(password, 127))
            {
                return UnsafeApn();
            }

            string auth = user.Length > 0 ? "1" : "0";
            return Run("AT+QICSGP=" + Model.PdpContext.ToString() + ",1,\"" + apn + "\",\"" + user + "\",\"" + password + "\"," + auth, 300);
        }

        private bool SetDefaultBearerApn(string apn, string user, string password)
        {
            bool withAuth = user != null && user.Length > 0;
            if (!AtText.IsQuectelSafe(apn, 62) || (withAuth && (!AtText.IsQuectelSafe(user, 64) || !AtText.IsQuectelSafe(password, 64))))
            {
                return UnsafeApn();
            }

            string command = "AT+QCGDEFCONT=\"IP\",\"" + apn + "\"" + (withAuth ? ",\"" + user + "\",\"" + password + "\"" : string.Empty);
            return Run(command, 300);
        }

        private bool UnsafeApn()
        {
            LastError = new ModemError(ModemErrorKind.InvalidArgument, -1, "APN settings contain characters AT cannot carry");
            return false;
        }

        private bool ActivateContext()
        {
            string context = Model.PdpContext.ToString();
            AtReply state = Channel.Send("AT+QIACT?", "+QIACT:", 300);
            string line = state.IsOk ? state.Find("+QIACT: " + context + ",") : null;
            if (line != null && line.StartsWith("1"))
            {
                return true;
            }

            return Run("AT+QIACT=" + context, 150000);
        }

        private bool CheckAttached()
        {
            string[] fields = Query("AT+CGATT?", "+CGATT:", 300);
            if (AtFields.IntAt(fields, 0, 0) == 1)
            {
                return true;
            }

            if (fields.Length > 0)
            {
                LastError = new ModemError(ModemErrorKind.NotReady, 0, "not attached (+CGATT: 0)");
            }

            return false;
        }
    }
}
