#nullable enable
using System.Collections.Generic;
using System.Text;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// Quectel EC20 (LTE Cat 4): <c>RDY</c> and SIM URCs at boot, PDP contexts (AT+QICSGP / AT+QIACT), URC routing by
    /// <c>AT+QURCCFG="urcport"</c> (default "usbat", so +QMTRECV/+QMTSTAT never reach the UART until it is set to
    /// "uart1"; the setting survives reboots), publish by Ctrl-Z, fixed length (<c>,&lt;msglen&gt;</c>, no Ctrl-Z) or
    /// inline, and <c>+QMTRECV</c> with the optional length field or in buffer mode.
    /// </summary>
    public sealed class Ec20Emulator : QuectelEmulator
    {
        private readonly Dictionary<int, PdpContext> _contexts = new Dictionary<int, PdpContext>();
        private string _urcPort = "usbat";

        public Ec20Emulator(EmulatorOptions? options = null)
            : base(options)
        {
            Register("+CGSN", _ =>
            {
                Line(Options.Imei);
                Ok();
            });
            Register("+CGREG", c => RegistrationQuery(c, "+CGREG"));
            Register("+CREG", c => RegistrationQuery(c, "+CREG"));
            Register("+QICSGP", QiCsgp);
            Register("+QIACT", QiAct);
            Register("+QIDEACT", c =>
            {
                int cid = c.Int(0, 1, 16);
                Context(cid).Active = false;
                Ok();
            });
            Register("+QURCCFG", QurcCfg);
            Register("+QMTRECV", QmtRecv);
            Ssl = new QuectelSslCommands(this);
            RegisterAccepted("+CGDCONT", "+QCFG", "+IPR", "&W");
        }

        internal override string Model => "EC20F";

        internal override string Revision => OldFirmware ? "EC20CEFAR02A08M4G" : "EC20CEFAR06A01M4G";

        internal override int MaxPromptPayload => 4096;

        /// <summary>The checksum +QFUPL reports: XOR of the data taken as big-endian 16-bit words (an odd last byte as the high byte), in hex.</summary>
        public static string FileChecksum(byte[] data)
        {
            int sum = 0;
            for (int i = 0; i < data.Length; i += 2)
            {
                sum ^= (data[i] << 8) | (i + 1 < data.Length ? data[i + 1] : 0);
            }

            return sum.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>Files (AT+QFUPL / AT+QFDEL) and SSL contexts (AT+QSSLCFG).</summary>
        internal QuectelSslCommands Ssl { get; }

        protected override bool UrcReachesUart => _urcPort == "uart1" || _urcPort == "all";

        /// <summary>EC20 settings per the LTE Standard MQTT note; "recv/mode" only on newer firmware.</summary>
        internal override string? QmtCfgRange(string name)
        {
            switch (name)
            {
                case "version":
                    return "(0-5),(3,4)";
                case "pdpcid":
                    return "(0-5),(1-16)";
                case "ssl":
                    return "(0-5),(0,1),(0-5)";
                case "recv/mode":
                    return OldFirmware ? null : "(0-5),(0,1),(0,1)";
                default:
                    return CommonQmtCfgRange(name);
            }
        }

        internal override int[] MqttVersions => new[] { 3, 4 };

        internal override string QiOpenRanges => "(1-16),(0-11),(\"TCP\",\"UDP\",\"TCP LISTENER\",\"UDP SERVICE\"),\"<IP_address>/<domain_name>\",(1-65535),(0-65535),(0-2)";

        internal override int MaxSocketContext => 16;

        internal override bool HasTransparentSocket => true;

        /// <summary>
        /// An older EC20 firmware: no QMTCFG "recv/mode" (payloads inside +QMTRECV) and no QSSLCFG "sni". Which
        /// revision added them is unconfirmed; the model names the generation, not a revision.
        /// </summary>
        public bool OldFirmware { get; init; }

        internal override bool IsDataPathUp(QmtClient client) => IsAttached && Context(client.PdpCid).Active;

        internal override void DeliverDownlink(QmtClient client, int messageId, string topic, byte[] payload)
        {
            if (client.RecvMode == 1)
            {
                for (int slot = 0; slot < client.Slots.Length; slot++)
                {
                    if (client.Slots[slot] == null)
                    {
                        client.Slots[slot] = new QmtStoredMessage(messageId, topic, payload);
                        Urc("+QMTRECV: " + client.Index + "," + slot);
                        return;
                    }
                }

                Trace("!! EC20 receive buffer full: message dropped");
                return;
            }

            UrcBytes(RecvHead(client, messageId, topic, payload.Length, client.LenEnable == 1), payload, "\"");
        }

        internal override void HandlePublishForm(AtCommand command, QmtClient client, int messageId, int qos, bool retain, string topic)
        {
            if (command.Count == 5)
            {
                Publish.Prompt(client, messageId, qos, retain, topic, -1);
                return;
            }

            if (command.IsQuoted(5))
            {
                string message = command.Str(5, MaxPromptPayload);
                Ok();
                Publish.Start(client, messageId, qos, retain, topic, Encoding.UTF8.GetBytes(message));
                return;
            }

            Publish.Prompt(client, messageId, qos, retain, topic, command.Int(5, 1, MaxPromptPayload));
        }

        protected override void ResetState()
        {
            base.ResetState();
            Ssl.Reset();
        }

        protected override void EmitBootBanner()
        {
            _contexts.Clear();
            Line("RDY");
            Urc("+CPIN: READY");
            Urc("+QUSIM: 1");
            Urc("+QIND: SMS DONE");
            Urc("+QIND: PB DONE");
        }

        private static string RecvHead(QmtClient client, int messageId, string topic, int length, bool withLength)
        {
            return "+QMTRECV: " + client.Index + "," + messageId + ",\"" + topic + "\"," + (withLength ? length + ",\"" : "\"");
        }

        private PdpContext Context(int cid)
        {
            if (!_contexts.TryGetValue(cid, out PdpContext? context))
            {
                context = new PdpContext();
                _contexts[cid] = context;
            }

            return context;
        }

        private void RegistrationQuery(AtCommand c, string name)
        {
            if (c.Kind == AtCommandKind.Read)
            {
                Line(name + ": 0," + (IsRegistered ? 1 : 2));
            }
            else if (c.Kind == AtCommandKind.Set)
            {
                c.Int(0, 0, 2);
            }

            Ok();
        }

        private void QiCsgp(AtCommand c)
        {
            int cid = c.Int(0, 1, 16);
            PdpContext context = Context(cid);
            if (c.Count == 1)
            {
                Line("+QICSGP: " + context.Type + ",\"" + context.Apn + "\",\"" + context.User + "\",\"" + context.Password + "\"," + context.Auth);
                Ok();
                return;
            }

            int type = c.Int(1, 1, 3);
            string apn = c.Str(2, 64);
            string user = c.StrOr(3, 64, string.Empty);
            string password = c.StrOr(4, 64, string.Empty);
            int auth = c.IntOr(5, 0, 3, 0);
            context.Type = type;
            context.Apn = apn;
            context.User = user;
            context.Password = password;
            context.Auth = auth;
            Ok();
        }

        private void QiAct(AtCommand c)
        {
            if (c.Kind == AtCommandKind.Read)
            {
                foreach (KeyValuePair<int, PdpContext> entry in _contexts)
                {
                    if (entry.Value.Active)
                    {
                        Line("+QIACT: " + entry.Key + ",1," + entry.Value.Type + ",\"10.64.0." + (entry.Key + 1) + "\"");
                    }
                }

                Ok();
                return;
            }

            int cid = c.Int(0, 1, 16);
            PdpContext context = Context(cid);
            if (context.Active || !IsAttached)
            {
                // Already active or no network: the module answers a plain ERROR.
                Error();
                return;
            }

            context.Active = true;
            Ok();
        }

        private void QurcCfg(AtCommand c)
        {
            string name = c.Str(0, 16);
            if (name != "urcport")
            {
                throw new AtParameterException(50);
            }

            if (c.Count == 1)
            {
                Line("+QURCCFG: \"urcport\",\"" + _urcPort + "\"");
                Ok();
                return;
            }

            string port = c.Str(1, 16);
            switch (port)
            {
                case "usbat":
                case "usbmodem":
                case "uart1":
                case "uart2":
                case "all":
                    _urcPort = port;
                    Ok();
                    break;
                default:
                    throw new AtParameterException(50);
            }
        }

        private void QmtRecv(AtCommand c)
        {
            if (c.Kind == AtCommandKind.Read)
            {
                for (int i = 0; i < 6; i++)
                {
                    QmtClient client = Mqtt.Client(i);
                    if (client.Opened && client.RecvMode == 1)
                    {
                        var flags = new StringBuilder("+QMTRECV: " + i);
                        foreach (QmtStoredMessage? slot in client.Slots)
                        {
                            flags.Append(slot == null ? ",0" : ",1");
                        }

                        Line(flags.ToString());
                    }
                }

                Ok();
                return;
            }

            QmtClient target = Mqtt.Client(c.Int(0, 0, 5));
            int from = 0;
            int to = target.Slots.Length - 1;
            if (c.Count > 1)
            {
                from = to = c.Int(1, 0, 4);
            }

            for (int slot = from; slot <= to; slot++)
            {
                QmtStoredMessage? message = target.Slots[slot];
                if (message != null)
                {
                    target.Slots[slot] = null;
                    UrcBytesAlways(RecvHead(target, message.MessageId, message.Topic, message.Payload.Length, true), message.Payload);
                }
            }

            Ok();
        }

        /// <summary>A read response (not a URC): goes out whatever the URC port.</summary>
        private void UrcBytesAlways(string head, byte[] payload)
        {
            var bytes = new List<byte>(Encoding.UTF8.GetBytes("\r\n" + head));
            bytes.AddRange(payload);
            bytes.AddRange(Encoding.ASCII.GetBytes("\"\r\n"));
            WriteBytes(bytes.ToArray());
        }

        private sealed class PdpContext
        {
            public int Type { get; set; } = 1;

            public string Apn { get; set; } = string.Empty;

            public string User { get; set; } = string.Empty;

            public string Password { get; set; } = string.Empty;

            public int Auth { get; set; }

            public bool Active { get; set; }
        }
    }
}
