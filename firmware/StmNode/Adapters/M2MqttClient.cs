using System;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using StmNode.Ports;

namespace StmNode.Adapters
{
    /// <summary>
    /// <see cref="IMqttClientPort"/> over nanoFramework.M2Mqtt and the ESP32's Wi-Fi (MQTT 3.1.1, TLS 1.2 checked
    /// against the CA given at start). Only translates calls: the link logic is Core's ClientMqttLink. One MqttClient
    /// per connect; events of a client already closed are not passed on.
    /// </summary>
    public sealed class M2MqttClient : IMqttClientPort
    {
        private readonly WifiBearer _wifi;
        private readonly X509Certificate _caCert;
        private readonly AutoResetEvent _signal = new AutoResetEvent(false);
        private MqttClient _client;

        /// <param name="caCert">
        /// The broker's root CA (Secrets.IotdaRootCaPem). Null hands the TLS check to the CA stored in the device's
        /// network configuration (Device Explorer), if the firmware image uses it.
        /// </param>
        public M2MqttClient(WifiBearer wifi, X509Certificate caCert)
        {
            _wifi = wifi;
            _caCert = caCert;
        }

        public event MqttMessageHandler MessageReceived;

        public event LinkLostHandler ConnectionClosed;

        public bool IsConnected
        {
            get
            {
                MqttClient client = _client;
                return client != null && client.IsConnected;
            }
        }

        public bool JoinNetwork(out string error)
        {
            bool joined = _wifi.Connect();
            error = joined ? null : _wifi.LastError;
            return joined;
        }

        public int Connect(MqttConnectOptions options)
        {
            // The constructor resolves the host name; Connect opens the socket, runs the TLS handshake and waits for
            // CONNACK (M2Mqtt's own 30 s limit).
            MqttClient client = new MqttClient(options.Host, options.Port, options.UseTls, options.UseTls ? _caCert : null, null,
                options.UseTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            client.MqttMsgPublishReceived += OnPublishReceived;
            client.ConnectionClosed += OnConnectionClosed;
            _client = client;
            return (int)client.Connect(options.ClientId, options.Username, options.Password, options.CleanSession, (ushort)options.KeepAliveSeconds);
        }

        public void Subscribe(string topicFilter, int qos)
        {
            _client.Subscribe(new string[] { topicFilter }, new MqttQoSLevel[] { Qos(qos) });
        }

        public void Publish(string topic, byte[] payload, int qos)
        {
            _client.Publish(topic, payload, null, null, Qos(qos), false);
        }

        public void Disconnect()
        {
            MqttClient client = _client;
            _client = null;
            if (client == null)
            {
                return;
            }

            client.MqttMsgPublishReceived -= OnPublishReceived;
            client.ConnectionClosed -= OnConnectionClosed;
            try
            {
                if (client.IsConnected)
                {
                    client.Disconnect();
                }
            }
            finally
            {
                // Stops the client's threads even when DISCONNECT could not be sent.
                client.Close();
            }
        }

        public void Wait(int timeoutMs)
        {
            _signal.WaitOne(timeoutMs, false);
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            // A closed client's dispatch thread may still deliver; only the current session counts.
            MqttMessageHandler handler = MessageReceived;
            if (sender == _client && handler != null)
            {
                handler(e.Topic, e.Message, 0, e.Message == null ? 0 : e.Message.Length);
            }

            _signal.Set();
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            LinkLostHandler handler = ConnectionClosed;
            if (sender == _client && handler != null)
            {
                handler("connection closed by the broker or the network");
            }

            _signal.Set();
        }

        private static MqttQoSLevel Qos(int qos)
        {
            return qos >= 1 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce;
        }
    }
}
