#nullable enable
using System;
using System.Text;
using System.Threading.Tasks;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// AT+QMTPUB on a connected client: the model picks the form (prompt and Ctrl-Z, fixed length, inline), then the
    /// message goes to the broker in the background and +QMTPUB reports it.
    /// </summary>
    internal sealed class QuectelMqttPublish : AtCommandGroup
    {
        private readonly QuectelEmulator _modem;

        public QuectelMqttPublish(QuectelEmulator modem)
            : base(modem)
        {
            _modem = modem;
            Register("+QMTPUB", QmtPub);
        }

        /// <summary>Publishes in the background and reports +QMTPUB; called after the payload is complete.</summary>
        public void Start(QmtClient client, int messageId, int qos, bool retain, string topic, byte[] payload)
        {
            BrokerSession? session = client.Session;
            if (client.SendFormat == 1)
            {
                byte[]? decoded = FromHex(payload);
                if (decoded == null)
                {
                    Line("+QMTPUB: " + client.Index + "," + messageId + ",2");
                    return;
                }

                payload = decoded;
            }

            RunThen(
                () => session == null ? Task.FromResult(false) : session.PublishAsync(topic, payload, qos, retain),
                sent => Line("+QMTPUB: " + client.Index + "," + messageId + "," + (sent ? 0 : 2)),
                () => ReferenceEquals(client.Session, session));
        }

        /// <summary>Enters the prompt mode for a publish; Ctrl-Z sends when <paramref name="fixedLength"/> is negative.</summary>
        public void Prompt(QmtClient client, int messageId, int qos, bool retain, string topic, int fixedLength)
        {
            _modem.BeginPayload("\r\n> ", fixedLength, fixedLength >= 0 ? fixedLength : _modem.MaxPromptPayload,
                payload =>
                {
                    Ok();
                    Start(client, messageId, qos, retain, topic, payload);
                },
                Ok,
                client.EchoMode == 1);
        }

        private static byte[]? FromHex(byte[] text)
        {
            try
            {
                return Convert.FromHexString(Encoding.ASCII.GetString(text));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private void QmtPub(AtCommand c)
        {
            if (c.Kind != AtCommandKind.Set)
            {
                Ok();
                return;
            }

            QmtClient client = _modem.Mqtt.ClientOf(c);
            int messageId = c.Int(1, 0, 65535);
            int qos = c.Int(2, 0, 2);
            bool retain = c.Int(3, 0, 1) == 1;
            string topic = c.Str(4, 255);
            if (topic.Length == 0 || (messageId == 0 && qos != 0) || c.Count > 6)
            {
                throw new AtParameterException(50);
            }

            QuectelMqttCommands.ConnectedSession(client);
            _modem.HandlePublishForm(c, client, messageId, qos, retain, topic);
        }
    }
}
