#nullable enable
using System.Text;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// Quectel BC26 (NB-IoT), per the BC26 MQTT Application Note V1.1 and AT Commands Manual V1.1: boot log then
    /// auto-baud (the first <c>AT</c> only syncs and gets no answer), <c>+IP:</c> after attach, publish by prompt and
    /// Ctrl-Z (payload ≤ 1024) or inline (≤ 700), <c>+QMTRECV: id,msgID,"topic","payload"</c> without a length field.
    /// </summary>
    public sealed class Bc26Emulator : QuectelEmulator
    {
        private bool _baudSynced;

        public Bc26Emulator(EmulatorOptions? options = null)
            : base(options)
        {
            Register("+CESQ", _ =>
            {
                Line(IsRegistered ? "+CESQ: 99,99,255,255,20,45" : "+CESQ: 99,99,255,255,255,255");
                Ok();
            });
            Register("+CGSN", c =>
            {
                if (c.Kind == AtCommandKind.Set)
                {
                    c.Int(0, 0, 3);
                }

                Line("+CGSN: " + Options.Imei);
                Ok();
            });
            Register("+QRST", c =>
            {
                if (c.Kind == AtCommandKind.Set)
                {
                    c.Int(0, 1, 1);
                }

                Ok();
                Reboot();
            });
            // The MT2625 clock form: four-digit year, unquoted, the zone as GMT±hours (seen in BC26/BC66 field drivers).
            Register("+CCLK", c =>
            {
                if (c.Kind == AtCommandKind.Set)
                {
                    c.Str(0, 32);
                    Ok();
                    return;
                }

                Line("+CCLK: " + System.DateTime.UtcNow.ToString("yyyy/MM/dd,HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "GMT+0");
                Ok();
            });
            RegisterAccepted("+QSCLK", "+CPSMS", "+CEDRXS", "+QCGDEFCONT", "+QATWAKEUP", "+QNBIOTEVENT", "+QRELLOCK", "+IPR", "+CGDCONT", "+QBAND");
        }

        /// <summary>When false the first AT is answered at once (a module with a fixed baud rate).</summary>
        public bool AutoBaud { get; init; } = true;

        internal override string Model => "BC26";

        internal override string Revision => "BC26NBR01A10";

        internal override int MaxPromptPayload => 1024;

        /// <summary>
        /// BC26 settings per the MQTT note V1.1 (no pdpcid, ssl or recv/mode). The version takes 0 (3.1) and 1 (3.1.1)
        /// as on its MediaTek MT2625 siblings' notes (BC660K, BC20, BC25, BC260Y); the BC26's own table is unconfirmed,
        /// so the driver reads the numbering from AT+QMTCFG=? (docs/modems.md).
        /// </summary>
        internal override string? QmtCfgRange(string name)
        {
            switch (name)
            {
                case "version":
                    return "(0-5),(0,1)";
                case "dataformat":
                    return "(0-5),(0,1),(0,1)";
                case "echomode":
                    return "(0-5),(0,1)";
                default:
                    return CommonQmtCfgRange(name);
            }
        }

        internal override int[] MqttVersions => new[] { 0, 1 };

        // One PDP context (the default bearer of the attach) and the buffer / direct-push access modes only, as the
        // issue reads the BC26 TCP/IP note (unconfirmed: the driver checks AT+QIOPEN=? before asking for mode 2).
        internal override string QiOpenRanges => "(1),(0-4),(\"TCP\",\"UDP\"),\"<IP_address>/<domain_name>\",(1-65535),(0-65535),(0,1)";

        internal override int MaxSocketContext => 1;

        internal override bool HasTransparentSocket => false;

        internal override bool IsDataPathUp(QmtClient client) => IsAttached;

        internal override void DeliverDownlink(QmtClient client, int messageId, string topic, byte[] payload)
        {
            string head = "+QMTRECV: " + client.Index + "," + messageId + ",\"" + topic + "\",\"";
            UrcBytes(head, client.RecvFormat == 1 ? Encoding.ASCII.GetBytes(System.Convert.ToHexString(payload)) : payload, "\"");
        }

        internal override void HandlePublishForm(AtCommand command, QmtClient client, int messageId, int qos, bool retain, string topic)
        {
            if (command.Count == 5)
            {
                Publish.Prompt(client, messageId, qos, retain, topic, -1);
                return;
            }

            // The fixed-length form is not documented for BC26 V1.1: only the inline message is accepted.
            string message = command.Str(5, 700);
            Ok();
            Publish.Start(client, messageId, qos, retain, topic, Encoding.UTF8.GetBytes(message));
        }

        protected override void EmitBootBanner()
        {
            _baudSynced = !AutoBaud;
            Write("\r\nF1: 0000 0000\r\nV0: 0000 0000 [0001]\r\n00: 1029 0004\r\n01: 0000 0000\r\nU0: 0000 0001 [0000]\r\nT0: 0000 00B4\r\nLeaving the BROM\r\n");
        }

        internal override void OnRegistered() => Urc("+IP: 10.32.0.2");

        protected override bool AcceptsInput() => _baudSynced;

        protected override bool PreviewLine(string line)
        {
            if (_baudSynced)
            {
                return true;
            }

            // Auto-baud: an AT teaches the UART the rate and is swallowed; anything else is noise.
            if (line.Trim().Equals("AT", System.StringComparison.OrdinalIgnoreCase))
            {
                _baudSynced = true;
            }

            return false;
        }
    }
}
