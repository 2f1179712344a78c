using StmNode.At;
using StmNode.Ports;

namespace StmNode.Modems
{
    /// <summary>
    /// Quectel BC26 (NB-IoT), per the BC26 AT manual and MQTT note V1.1: auto-baud start-up without RDY, EPS
    /// registration only, APN through AT+QCGDEFCONT, publish ended by Ctrl-Z, no MQTT TLS.
    /// </summary>
    public sealed class Bc26Modem : QuectelModem
    {
        public Bc26Modem(AtChannel channel, ILog log, IDigitalOutput powerKey, IDigitalOutput reset)
            : base(channel, log, powerKey, reset)
        {
        }

        public override string Kind
        {
            get { return "bc26"; }
        }

        public override bool SupportsTls
        {
            get { return false; }
        }

        public override bool PublishWithLength
        {
            get { return false; }
        }

        /// <summary>Data-mode payload limit of the MQTT note.</summary>
        public override int MaxPayloadBytes
        {
            get { return 1024; }
        }

        /// <summary>PWRKEY low ≥ 500 ms (OpenCPU hardware design V1.3), with margin.</summary>
        protected override int PowerKeyPulseMs
        {
            get { return 600; }
        }

        /// <summary>RESET low ≥ 50 ms, with margin.</summary>
        protected override int ResetPulseMs
        {
            get { return 100; }
        }

        /// <summary>BC26 shuts down with AT+QPOWD=0 (≤ 1 s); no PWRKEY-off timing is documented.</summary>
        protected override int PowerKeyOffPulseMs
        {
            get { return 0; }
        }

        protected override string PowerDownCommand
        {
            get { return "AT+QPOWD=0"; }
        }

        protected override string PowerDownFinal
        {
            get { return null; }
        }

        protected override int PowerDownTimeoutMs
        {
            get { return 1000; }
        }

        protected override int StartupTimeoutMs
        {
            get { return 10000; }
        }

        /// <summary>RDY is not documented for BC26, its boot log is; both count.</summary>
        protected override string[] RebootBanners
        {
            get { return new string[] { "RDY", "Leaving the BROM" }; }
        }

        /// <summary>Keep the module awake while the node is online (field practice; PSM is handled by the node).</summary>
        protected override string[] InitCommands
        {
            get { return new string[] { "AT+QSCLK=0" }; }
        }

        protected override string[] RegistrationKinds
        {
            get { return new string[] { "+CEREG" }; }
        }

        /// <summary>AT+CESQ: the extended signal report (rxlev, ber, rscp, ecno, rsrq, rsrp).</summary>
        public bool ReadExtendedSignal(out int rsrq, out int rsrp)
        {
            string[] fields = Query("AT+CESQ", "+CESQ:", 300);
            rsrq = AtFields.IntAt(fields, 4, 255);
            rsrp = AtFields.IntAt(fields, 5, 255);
            return fields.Length >= 6;
        }

        /// <summary>AT+QCGDEFCONT (NVRAM, applied at the next attach); user and password optional.</summary>
        public override bool SetApn(string apn, string user, string password)
        {
            bool withAuth = user != null && user.Length > 0;
            if (!AtText.IsQuectelSafe(apn, 62) || (withAuth && (!AtText.IsQuectelSafe(user, 64) || !AtText.IsQuectelSafe(password, 64))))
            {
                LastError = new ModemError(ModemErrorKind.InvalidArgument, -1, "APN settings contain characters AT cannot carry");
                return false;
            }

            string command = "AT+QCGDEFCONT=\"IP\",\"" + apn + "\"" + (withAuth ? ",\"" + user + "\",\"" + password + "\"" : string.Empty);
            return Run(command, 300);
        }

        /// <summary>BC26 activates its default bearer on attach: check AT+CGATT? → 1.</summary>
        public override bool ActivatePdp()
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
