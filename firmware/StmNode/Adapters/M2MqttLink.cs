using System;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using StmNode.Mqtt;
using StmNode.Ports;

namespace StmNode.Adapters
{
    /// <summary>
    /// <see cref="IMqttLink"/> over the ESP32's Wi-Fi with nanoFramework.M2Mqtt (MQTT 3.1.1, TLS 1.2 checked against the
    /// CA given at start, so the certificate can be replaced in the configuration without code changes). M2Mqtt
    /// raises messages and disconnects on its own threads: messages wait in the inbox to be taken, the loss is raised
    /// from <see cref="Poll"/>, on the node's thread, as Core expects.
    /// </summary>
    public sealed class M2MqttLink : IMqttLink
    {
        private const int MaxQueued = 16;

        private readonly WifiBearer _wifi;
        private readonly X509Certificate _caCert;
        private readonly MqttInbox _inbox;
        private readonly AutoResetEvent _signal = new AutoResetEvent(false);
        private MqttClient _client;
        private string _lostReason;

        /// <param name="caCert">
        /// The broker's root CA (Secrets.IotdaRootCaPem). Null hands the TLS check to the CA stored in the device's
        /// network configuration (Device Explorer), if the firmware image uses it.
        /// </param>
        public M2MqttLink(WifiBearer wifi, X509Certificate caCert, ILog log)
        {
            _inbox = new MqttInbox(MaxQueued, log, "wifi");
            _wifi = wifi;
            _caCert = caCert;
            LastError = "";
        }

        public string Kind
        {
            get { return "wifi"; }
        }

        public bool IsConnected
        {
            get
            {
                MqttClient client = _client;
                return client != null && client.IsConnected && _lostReason == null;
            }
        }

        public string LastError { get; private set; }

        public int DroppedMessages
        {
            get { return _inbox.Dropped; }
        }

        public event LinkLostHandler Lost;

        public LinkResult Connect(MqttConnectOptions options)
        {
            Disconnect();
            if (options == null || options.Host == null || options.ClientId == null || options.KeepAliveSeconds < 0 || options.KeepAliveSeconds > ushort.MaxValue)
            {
                LastError = "connect refused: missing host or client id, or keep-alive outside 0..65535 s";
                return LinkResult.InvalidArgument;
            }

            if (!_wifi.Connect())
            {
                LastError = _wifi.LastError;
                return LinkResult.Failed;
            }

            try
            {
                // The constructor resolves the host name (DNS); Connect opens the socket, runs the TLS handshake and
                // waits for CONNACK (M2Mqtt's own 30 s limit). A hang below the socket is the watchdog's job.
                MqttClient client = new MqttClient(options.Host, options.Port, options.UseTls, options.UseTls ? _caCert : null, null,
                    options.UseTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
                client.MqttMsgPublishReceived += OnPublishReceived;
                client.ConnectionClosed += OnConnectionClosed;
                _lostReason = null;
                _client = client;
                MqttReasonCode code = client.Connect(options.ClientId, options.Username, options.Password, options.CleanSession, (ushort)options.KeepAliveSeconds);
                if (code != MqttReasonCode.Success)
                {
                    LastError = "broker refused the connection (code " + ((int)code).ToString() + ")";
                    Disconnect();
                    return LinkResult.Refused;
                }

                return LinkResult.Ok;
            }
            catch (Exception e)
            {
                // Socket, DNS and TLS failures arrive as exceptions; a failed Connect can leave M2Mqtt's receive thread
                // and socket open, so the client is closed here. The type name never carries a secret.
                // M2Mqtt wraps socket and TLS errors: the inner type tells a dead network from a refused certificate.
                LastError = "connect failed: " + e.GetType().Name + (e.InnerException == null ? "" : " (" + e.InnerException.GetType().Name + ")");
                Disconnect();
                return LinkResult.Failed;
            }
        }

        public LinkResult Subscribe(string topicFilter, int qos)
        {
            MqttClient client = _client;
            if (client == null || !client.IsConnected)
            {
                return LinkResult.NotConnected;
            }

            try
            {
                client.Subscribe(new string[] { topicFilter }, new MqttQoSLevel[] { Qos(qos) });
                return LinkResult.Ok;
            }
            catch (Exception e)
            {
                LastError = "subscribe failed: " + e.GetType().Name;
                return LinkResult.Failed;
            }
        }

        public LinkResult Publish(string topic, byte[] payload, int offset, int count, int qos)
        {
            if (topic == null || payload == null || offset < 0 || count < 0 || count > payload.Length - offset)
            {
                LastError = "publish refused: no topic or payload, or offset/count outside the payload";
                return LinkResult.InvalidArgument;
            }

            MqttClient client = _client;
            if (client == null || !client.IsConnected)
            {
                return LinkResult.NotConnected;
            }

            // M2Mqtt only queues the message and sends it later from its own thread: it gets a copy, so the caller
            // may reuse its buffer as soon as this returns.
            byte[] message = new byte[count];
            Array.Copy(payload, offset, message, 0, count);

            try
            {
                client.Publish(topic, message, null, null, Qos(qos), false);
                return LinkResult.Ok;
            }
            catch (Exception e)
            {
                LastError = "publish failed: " + e.GetType().Name;
                return LinkResult.Failed;
            }
        }

        public void Poll(int timeoutMs)
        {
            if (_inbox.Count == 0 && _lostReason == null && timeoutMs > 0)
            {
                _signal.WaitOne(timeoutMs, false);
            }

            string reason = _lostReason;
            if (reason != null && _client != null)
            {
                LastError = reason;
                Disconnect();
                LinkLostHandler lost = Lost;
                if (lost != null)
                {
                    lost(reason);
                }
            }
        }

        public bool TryTakeMessage(out string topic, out byte[] payload)
        {
            return _inbox.TryTake(out topic, out payload);
        }

        public void Disconnect()
        {
            MqttClient client = _client;
            _client = null;
            if (client != null)
            {
                Close(client);
            }
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            // A closed client's dispatch thread may still deliver; only the current session counts.
            if (sender != _client)
            {
                return;
            }

            if (e.Message != null)
            {
                _inbox.Add(e.Topic, e.Message, 0, e.Message.Length);
            }

            _signal.Set();
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            if (sender != _client)
            {
                return;
            }

            _lostReason = "connection closed by the broker or the network";
            _signal.Set();
        }

        private void Close(MqttClient client)
        {
            client.MqttMsgPublishReceived -= OnPublishReceived;
            client.ConnectionClosed -= OnConnectionClosed;
            if (client.IsConnected)
            {
                try
                {
                    client.Disconnect();
                }
                catch (Exception)
                {
                    // DISCONNECT cannot be sent on a dead socket; Close below still stops the client's threads.
                }
            }

            try
            {
                client.Close();
            }
            catch (Exception)
            {
                // Closing a dead session may throw; there is nothing more to do with it.
            }
        }

        private static MqttQoSLevel Qos(int qos)
        {
            return qos >= 1 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce;
        }
    }
}
