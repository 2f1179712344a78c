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
            RegisterAccepted("+QSCLK", "+CPSMS", "+CEDRXS", "+QCGDEFCONT", "+QATWAKEUP", "+QNBIOTEVENT", "+QRELLOCK", "+IPR", "+CGDCONT", "+QBAND");
        }

        /// <summary>When false the first AT is answered at once (a module with a fixed baud rate).</summary>
        public bool AutoBaud { get; init; } = true;

        internal override string Model => "BC26";

        internal override string Revision => "BC26NBR01A10";

        internal override int MaxPromptPayload => 1024;

        internal override bool SupportsQmtCfg(string name)
        {
            switch (name)
            {
                case "version":
                case "keepalive":
                case "session":
                case "timeout":
                case "will":
                case "aliauth":
                case "dataformat":
                case "echomode":
                    return true;
                default:
                    return false;
            }
        }

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
