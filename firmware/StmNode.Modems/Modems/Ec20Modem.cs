using StmNode.At;
using StmNode.Ports;

namespace StmNode.Modems
{
    /// <summary>
    /// Quectel EC20 (LTE Cat 4): RDY at start-up, URCs routed to the main UART, EPS or PS registration, APN via
    /// AT+QICSGP and AT+QIACT, publish with a length (any byte may be in the payload), MQTT over TLS.
    /// </summary>
    public sealed class Ec20Modem : QuectelModem
    {
        public Ec20Modem(AtChannel channel, ILog log, IDigitalOutput powerKey, IDigitalOutput reset)
            : base(channel, log, powerKey, reset)
        {
        }

        /// <summary>PDP context used for MQTT and sockets.</summary>
        public const int ContextId = 1;

        public override string Kind
        {
            get { return "ec20"; }
        }

        public override bool SupportsTls
        {
            get { return true; }
        }

        public override bool PublishWithLength
        {
            get { return true; }
        }

        /// <summary>4096 per the BG95 note (the EC2x figure is unconfirmed).</summary>
        public override int MaxPayloadBytes
        {
            get { return 4096; }
        }

        /// <summary>PWRKEY low ≥ 500 ms; mbed-os uses 600 ms.</summary>
        protected override int PowerKeyPulseMs
        {
            get { return 600; }
        }

        /// <summary>RESET_N pulse 150–460 ms; mbed-os uses 460 ms.</summary>
        protected override int ResetPulseMs
        {
            get { return 460; }
        }

        /// <summary>RDY typically ≥ 12 s after PWRKEY.</summary>
        /// <summary>EC20: AT+QPOWD=1 then POWERED DOWN within 65 s; PWRKEY held ≥ 650 ms switches it off (mbed-os uses 750 ms).</summary>
        protected override int PowerKeyOffPulseMs
        {
            get { return 800; }
        }

        protected override string PowerDownCommand
        {
            get { return "AT+QPOWD=1"; }
        }

        protected override string PowerDownFinal
        {
            get { return "POWERED DOWN"; }
        }

        protected override int PowerDownTimeoutMs
        {
            get { return 65000; }
        }

        protected override int StartupTimeoutMs
        {
            get { return 20000; }
        }

        protected override string[] RebootBanners
        {
            get { return new string[] { "RDY" }; }
        }

        /// <summary>Without "uart1" the default port is USB and +QMTRECV / +QMTSTAT never reach the ESP32.</summary>
        protected override string[] InitCommands
        {
            get { return new string[] { "AT+QURCCFG=\"urcport\",\"uart1\"", "AT+CGREG=1" }; }
        }

        protected override string[] RegistrationKinds
        {
            get { return new string[] { "+CEREG", "+CGREG" }; }
        }

        /// <summary>AT+QICSGP=1,1,"apn","user","pass",auth (auth PAP when a user is given).</summary>
        public override bool SetApn(string apn, string user, string password)
        {
            user = user == null ? string.Empty : user;
            password = password == null ? string.Empty : password;
            if (!AtText.IsQuectelSafe(apn, 100) || !AtText.IsQuectelSafe(user, 127) || !AtText.IsQuectelSafe(password, 127))
            {
                LastError = new ModemError(ModemErrorKind.InvalidArgument, -1, "APN settings contain characters AT cannot carry");
                return false;
            }

            string auth = user.Length > 0 ? "1" : "0";
            return Run("AT+QICSGP=" + ContextId.ToString() + ",1,\"" + apn + "\",\"" + user + "\",\"" + password + "\"," + auth, 300);
        }

        /// <summary>AT+QIACT? and, when the context is down, AT+QIACT=1 (up to 150 s).</summary>
        public override bool ActivatePdp()
        {
            AtReply state = Channel.Send("AT+QIACT?", "+QIACT:", 300);
            string context = state.IsOk ? state.Find("+QIACT: " + ContextId.ToString() + ",") : null;
            if (context != null && context.StartsWith("1"))
            {
                return true;
            }

            return Run("AT+QIACT=" + ContextId.ToString(), 150000);
        }

        /// <summary>
        /// Uploads a CA certificate to the modem's file system (AT+QFDEL then AT+QFUPL: CONNECT, raw bytes,
        /// +QFUPL: size,checksum, OK). The prompt details are unconfirmed for EC20; the exchange is bounded either way.
        /// </summary>
        public bool UploadFile(string name, byte[] content)
        {
            if (!AtText.IsQuectelSafe(name, 80) || content == null || content.Length == 0)
            {
                LastError = new ModemError(ModemErrorKind.InvalidArgument, -1, "bad file name or empty content");
                return false;
            }

            Channel.Send("AT+QFDEL=\"" + name + "\"", null, 300);
            AtCommand upload = new AtCommand("AT+QFUPL=\"" + name + "\"," + content.Length.ToString() + ",60", "+QFUPL:", 5000);
            upload.SuccessFinals = new string[] { "CONNECT" };
            AtReply connect = Channel.Send(upload);
            if (!connect.IsOk)
            {
                LastError = ModemError.FromReply("AT+QFUPL", connect);
                return false;
            }

            Channel.Trace.Note("[" + content.Length.ToString() + " file bytes]");
            if (!Channel.WriteRaw(content, 0, content.Length))
            {
                LastError = new ModemError(ModemErrorKind.LineFailed, -1, "file upload write failed");
                return false;
            }

            AtReply done = Channel.WaitFor(new AtCommand(string.Empty, "+QFUPL:", 60000));
            if (!done.IsOk)
            {
                LastError = ModemError.FromReply("AT+QFUPL data", done);
            }

            return done.IsOk;
        }

        /// <summary>SSL context for MQTT to IoTDA: any TLS version and suite, verify the server against caFile, SNI.</summary>
        public override bool ConfigureTls(int context, string caFile)
        {
            if (!AtText.IsQuectelSafe(caFile, 80))
            {
                LastError = new ModemError(ModemErrorKind.InvalidArgument, -1, "bad CA file name");
                return false;
            }

            string ctx = context.ToString();
            return Run("AT+QSSLCFG=\"sslversion\"," + ctx + ",4", 300)
                && Run("AT+QSSLCFG=\"ciphersuite\"," + ctx + ",0xFFFF", 300)
                && Run("AT+QSSLCFG=\"seclevel\"," + ctx + ",1", 300)
                && Run("AT+QSSLCFG=\"cacert\"," + ctx + ",\"" + caFile + "\"", 300)
                && Run("AT+QSSLCFG=\"ignorelocaltime\"," + ctx + ",1", 300)
                && Run("AT+QSSLCFG=\"sni\"," + ctx + ",1", 300);
        }
    }
}
