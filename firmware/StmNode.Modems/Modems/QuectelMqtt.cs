using System.Collections;
using System.Text;
using StmNode.At;
using StmNode.Ports;

namespace StmNode.Modems
{
    /// <summary>
    /// The Quectel MQTT AT commands for one client index. Each is two-phase: OK means "accepted", then the result
    /// URC (+QMTOPEN, +QMTCONN …) arrives under its own timer. Results and codes become typed
    /// <see cref="ModemError"/>s; +QMTRECV and +QMTSTAT are handed to the owner through events.
    /// </summary>
    public sealed partial class QuectelMqtt
    {
        private const int AcceptTimeoutMs = 5000;
        private const int OpenResultTimeoutMs = 75000;
        private const string Cfg = "AT+QMTCFG=\"";
        private readonly QuectelModel _model;
        private readonly AtChannel _channel;
        private readonly ILog _log;

        // Builds the publish command and its result prefix without a concatenation array and number strings per part.
        private readonly StringBuilder _text = new StringBuilder(160);
        private bool _lostDuringWait;
        private bool _waiting;

        // From AT+QMTDISC until the next AT+QMTOPEN: "+QMTSTAT: id,5" (the server closed after our DISCONNECT) is the
        // expected end of the session, not a loss.
        private bool _disconnecting;

        public QuectelMqtt(QuectelModem modem)
        {
            _model = modem.Model;
            _channel = modem.Channel;
            _log = modem.Log;
            _inlineHex = !_model.ReceiveWithLength;
            _channel.AddRawUrc(QuectelRecv.Prefix, QuectelRecv.RawLength, OnRawRecv);
            _channel.AddUrc(QuectelRecv.Prefix, OnRecvLine);
            _channel.AddUrc("+QMTSTAT:", OnStat);
            _channel.AddUrc("+QMTPING:", OnPing);
        }

        /// <summary>Client index 0–5.</summary>
        public int Index = 0;

        /// <summary>Packet timeout and retries (AT+QMTCFG="timeout"); they bound the result-URC waits.</summary>
        public int PacketTimeoutSeconds = 10;

        public int RetryTimes = 3;

        /// <summary>Longest wait for the publish prompt; without it the payload is never written.</summary>
        public int PromptTimeoutMs = 5000;

        public ModemError LastError { get; private set; }

        public event MqttMessageHandler MessageReceived;

        public event LinkLostHandler Lost;

        private int PacketResultTimeoutMs
        {
            get { return PacketTimeoutSeconds * 1000 * (RetryTimes + 1) + 5000; }
        }

        public bool Open(string host, int port)
        {
            if (!AtText.IsQuectelSafe(host, 100) || host.Length == 0 || port < 1 || port > 65535)
            {
                return Invalid("host or port not usable in AT+QMTOPEN");
            }

            _disconnecting = false;
            string[] result = TwoPhase("AT+QMTOPEN=" + Index.ToString() + ",\"" + host + "\"," + port.ToString(), "+QMTOPEN: " + Index.ToString() + ",", OpenResultTimeoutMs);
            if (result == null)
            {
                return false;
            }

            int code = AtFields.IntAt(result, 0, -1);
            if (code != 0)
            {
                LastError = new ModemError(ModemErrorKind.OpenFailed, code, "+QMTOPEN " + code.ToString() + ": " + QuectelCodes.Open(code));
                return false;
            }

            return true;
        }

        /// <summary>True when the client id, user name and password can be carried by AT+QMTCONN (checked before anything is sent).</summary>
        public static bool IsUsableLogin(string clientId, string username, string password)
        {
            return AtText.IsQuectelSafe(clientId, 256) && (username == null || AtText.IsQuectelSafe(username, 512))
                && (password == null || (username != null && AtText.IsQuectelSafe(password, 512)));
        }

        public bool Connect(string clientId, string username, string password)
        {
            if (!IsUsableLogin(clientId, username, password))
            {
                return Invalid("client id, user name or password not usable in AT+QMTCONN");
            }

            string command = "AT+QMTCONN=" + Index.ToString() + ",\"" + clientId + "\"";
            if (username != null)
            {
                command += ",\"" + username + "\"" + (password != null ? ",\"" + password + "\"" : string.Empty);
            }

            string[] result = TwoPhase(command, "+QMTCONN: " + Index.ToString() + ",", PacketResultTimeoutMs);
            if (result == null || !PacketOk("+QMTCONN", result))
            {
                return false;
            }

            int connack = AtFields.IntAt(result, 1, 0);
            if (connack != 0)
            {
                LastError = new ModemError(ModemErrorKind.ConnackRefused, connack, "CONNACK " + connack.ToString() + ": " + QuectelCodes.Connack(connack));
                return false;
            }

            return true;
        }

        /// <summary>True when AT+QMTSUB can carry the filter and QoS (checked before anything is sent).</summary>
        public static bool IsUsableSubscription(string topic, int qos)
        {
            return AtText.IsQuectelSafe(topic, 255) && topic.Length > 0 && qos >= 0 && qos <= 2;
        }

        public bool Subscribe(string topic, int qos, int messageId)
        {
            if (!IsUsableSubscription(topic, qos))
            {
                return Invalid("topic or QoS not usable in AT+QMTSUB");
            }

            string[] result = TwoPhase("AT+QMTSUB=" + Index.ToString() + "," + messageId.ToString() + ",\"" + topic + "\"," + qos.ToString(),
                "+QMTSUB: " + Index.ToString() + "," + messageId.ToString() + ",", PacketResultTimeoutMs);
            if (result == null || !PacketOk("+QMTSUB", result))
            {
                return false;
            }

            int granted = AtFields.IntAt(result, 1, 0);
            if (granted == 128)
            {
                LastError = new ModemError(ModemErrorKind.SubscribeRejected, 128, "subscription to " + topic + " rejected by the broker");
                return false;
            }

            return true;
        }

        public bool Unsubscribe(string topic, int messageId)
        {
            if (!AtText.IsQuectelSafe(topic, 255) || topic.Length == 0)
            {
                return Invalid("topic not usable in AT+QMTUNS");
            }

            string[] result = TwoPhase("AT+QMTUNS=" + Index.ToString() + "," + messageId.ToString() + ",\"" + topic + "\"",
                "+QMTUNS: " + Index.ToString() + "," + messageId.ToString() + ",", PacketResultTimeoutMs);
            return result != null && PacketOk("+QMTUNS", result);
        }

        /// <summary>
        /// Publishes through the prompt: EC20 with the length form (any byte), BC26 ended by Ctrl-Z (so Ctrl-Z and
        /// ESC in the payload are refused). The payload never sits in a quoted parameter.
        /// </summary>
        public bool Publish(string topic, byte[] payload, int offset, int count, int qos, int messageId)
        {
            if (!AtText.IsQuectelSafe(topic, 255) || topic.Length == 0 || qos < 0 || qos > 1 || payload == null || offset < 0 || count < 0
                || offset + count > payload.Length || count > _model.MaxPayloadBytes)
            {
                return Invalid("topic, QoS or payload size not usable in AT+QMTPUB");
            }

            bool ctrlZ = !_model.PublishWithLength;
            if (ctrlZ && (AtText.Contains(payload, offset, count, 0x1A) || AtText.Contains(payload, offset, count, 0x1B)))
            {
                return Invalid("payload contains Ctrl-Z or ESC, which end BC26 data mode");
            }

            _lostDuringWait = false;
            _waiting = true;
            int mid = qos == 0 ? 0 : messageId;
            _text.Clear();
            _text.Append("AT+QMTPUB=").Append(Index).Append(',').Append(mid).Append(',').Append(qos).Append(",0,\"").Append(topic).Append('"');
            if (!ctrlZ)
            {
                _text.Append(',').Append(count);
            }

            string command = _text.ToString();
            _text.Clear();
            string urc = _text.Append("+QMTPUB: ").Append(Index).Append(',').Append(mid).Append(',').ToString();
            AtReply accepted = _channel.SendData(new AtCommand(command, urc, AcceptTimeoutMs), payload, offset, count, ctrlZ, PromptTimeoutMs);
            string line = SecondPhaseLine(command, urc, accepted, PacketResultTimeoutMs);
            return line != null && PacketOk("+QMTPUB", ResultCode(line, urc.Length));
        }

        public bool Disconnect()
        {
            _disconnecting = true;
            string[] result = TwoPhase("AT+QMTDISC=" + Index.ToString(), "+QMTDISC: " + Index.ToString() + ",", 5000);
            return result != null && AtFields.IntAt(result, 0, -1) == 0;
        }

        /// <summary>Best effort (after a failure or on shutdown): keeps the LastError of what failed before.</summary>
        public bool Close()
        {
            ModemError before = LastError;
            string[] result = TwoPhase("AT+QMTCLOSE=" + Index.ToString(), "+QMTCLOSE: " + Index.ToString() + ",", 5000);
            LastError = before;
            return result != null && AtFields.IntAt(result, 0, -1) == 0;
        }

        private bool RunScript(string[] script)
        {
            AtReply failure;
            int failed = AtScript.Run(_channel, script, 300, out failure);
            if (failed >= 0)
            {
                LastError = ModemError.FromReply(script[failed], failure);
            }

            return failed < 0;
        }

        private bool Invalid(string message)
        {
            LastError = new ModemError(ModemErrorKind.InvalidArgument, -1, message);
            return false;
        }
    }
}
