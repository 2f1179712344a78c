namespace StmNode.Modems
{
    /// <summary>
    /// What sets one Quectel model apart, as data (as Zephyr's modem_cellular keeps a config per model): timings,
    /// boot banners, bring-up commands, bearer, publish and receive modes, TLS. <see cref="QuectelModem"/> reads it.
    /// </summary>
    public sealed class QuectelModel
    {
        /// <summary>
        /// Quectel BC26 (NB-IoT), per the BC26 AT manual and MQTT note V1.1: auto-baud start-up without RDY, EPS
        /// registration only, APN through AT+QCGDEFCONT, publish ended by Ctrl-Z, no MQTT TLS.
        /// </summary>
        public static readonly QuectelModel Bc26 = new QuectelModel(
            kind: "bc26",
            powerKeyPulseMs: 600, // PWRKEY low ≥ 500 ms (OpenCPU hardware design V1.3), with margin.
            powerKeyOffPulseMs: 0, // no PWRKEY-off timing is documented: AT+QPOWD=0 only.
            resetPulseMs: 100, // RESET low ≥ 50 ms, with margin.
            startupTimeoutMs: 10000,
            rebootBanners: new string[] { "RDY", "Leaving the BROM" }, // RDY is not documented for BC26, its boot log is.
            powerDownCommand: "AT+QPOWD=0",
            powerDownFinal: null,
            powerDownTimeoutMs: 1000,
            initCommands: new string[] { "AT+QSCLK=0" }, // awake while online (field practice; PSM is the node's business).
            registrationKinds: new string[] { "+CEREG" },
            pdpContext: 0,
            publishWithLength: false,
            receiveWithLength: false,
            maxPayloadBytes: 1024, // the data-mode limit of the MQTT note.
            supportsTls: false);

        /// <summary>
        /// Quectel EC20 (LTE Cat 4): RDY at start-up, URCs routed to the main UART, EPS or PS registration, APN via
        /// AT+QICSGP and AT+QIACT, publish with a length (any byte may be in the payload), MQTT over TLS.
        /// </summary>
        public static readonly QuectelModel Ec20 = new QuectelModel(
            kind: "ec20",
            powerKeyPulseMs: 600, // PWRKEY low ≥ 500 ms; mbed-os uses 600 ms.
            powerKeyOffPulseMs: 800, // held ≥ 650 ms switches it off; mbed-os uses 750 ms.
            resetPulseMs: 460, // RESET_N pulse 150–460 ms; mbed-os uses 460 ms.
            startupTimeoutMs: 20000, // RDY typically ≥ 12 s after PWRKEY.
            rebootBanners: new string[] { "RDY" },
            powerDownCommand: "AT+QPOWD=1",
            powerDownFinal: "POWERED DOWN", // within 65 s.
            powerDownTimeoutMs: 65000,
            // Without "uart1" the URCs go to USB and +QMTRECV / +QMTSTAT never reach the ESP32.
            initCommands: new string[] { "AT+QURCCFG=\"urcport\",\"uart1\"", "AT+CGREG=1" },
            registrationKinds: new string[] { "+CEREG", "+CGREG" },
            pdpContext: 1,
            publishWithLength: true,
            receiveWithLength: true,
            maxPayloadBytes: 4096, // per the BG95 note; the EC2x figure is unconfirmed.
            supportsTls: true);

        private QuectelModel(string kind, int powerKeyPulseMs, int powerKeyOffPulseMs, int resetPulseMs, int startupTimeoutMs,
            string[] rebootBanners, string powerDownCommand, string powerDownFinal, int powerDownTimeoutMs, string[] initCommands,
            string[] registrationKinds, int pdpContext, bool publishWithLength, bool receiveWithLength, int maxPayloadBytes, bool supportsTls)
        {
            Kind = kind;
            PowerKeyPulseMs = powerKeyPulseMs;
            PowerKeyOffPulseMs = powerKeyOffPulseMs;
            ResetPulseMs = resetPulseMs;
            StartupTimeoutMs = startupTimeoutMs;
            RebootBanners = rebootBanners;
            PowerDownCommand = powerDownCommand;
            PowerDownFinal = powerDownFinal;
            PowerDownTimeoutMs = powerDownTimeoutMs;
            InitCommands = initCommands;
            RegistrationKinds = registrationKinds;
            PdpContext = pdpContext;
            PublishWithLength = publishWithLength;
            ReceiveWithLength = receiveWithLength;
            MaxPayloadBytes = maxPayloadBytes;
            SupportsTls = supportsTls;
        }

        /// <summary>"bc26" or "ec20", for logs and <see cref="StmNode.Ports.IMqttLink.Kind"/>.</summary>
        public readonly string Kind;

        /// <summary>How long PWRKEY is held to switch the modem on.</summary>
        public readonly int PowerKeyPulseMs;

        /// <summary>How long PWRKEY is held to switch the modem off; 0 when the model documents no such press.</summary>
        public readonly int PowerKeyOffPulseMs;

        public readonly int ResetPulseMs;

        /// <summary>How long the modem may take to answer AT after PWRKEY or RESET.</summary>
        public readonly int StartupTimeoutMs;

        /// <summary>Lines that mean the modem just booted.</summary>
        public readonly string[] RebootBanners;

        /// <summary>The orderly shutdown command, the line that confirms it (null: OK does) and its bound.</summary>
        public readonly string PowerDownCommand;

        public readonly string PowerDownFinal;

        public readonly int PowerDownTimeoutMs;

        /// <summary>Model-specific commands sent after ATE0, AT+CMEE=1 and AT+CEREG=1.</summary>
        public readonly string[] InitCommands;

        /// <summary>Registration read commands to try ("+CEREG", "+CGREG"): registered on any of them is enough.</summary>
        public readonly string[] RegistrationKinds;

        /// <summary>
        /// The PDP context the driver sets up (AT+QICSGP), activates (AT+QIACT) and gives MQTT (QMTCFG "pdpcid");
        /// 0 when the model brings its default bearer up with the attach (BC26: APN through AT+QCGDEFCONT).
        /// </summary>
        public readonly int PdpContext;

        /// <summary>True: QMTPUB carries the payload's length (any byte allowed); false: the payload ends with Ctrl-Z.</summary>
        public readonly bool PublishWithLength;

        /// <summary>
        /// True: +QMTRECV announces the payload's length (QMTCFG "recv/mode" 0,1). False: the payload sits inside the URC
        /// line, so it is asked for as hex (QMTCFG "dataformat" 0,1) and CR-LF in it cannot end the line.
        /// </summary>
        public readonly bool ReceiveWithLength;

        /// <summary>Largest payload one QMTPUB carries.</summary>
        public readonly int MaxPayloadBytes;

        /// <summary>MQTT over TLS and TLS sockets, with SSL contexts (AT+QSSLCFG) and a CA file uploaded to the modem.</summary>
        public readonly bool SupportsTls;
    }
}
