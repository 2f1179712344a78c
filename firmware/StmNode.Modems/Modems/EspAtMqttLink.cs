using StmNode.At;
using StmNode.Mqtt;
using StmNode.Ports;

namespace StmNode.Modems
{
    /// <summary>
    /// <see cref="IMqttLink"/> over an ESP-AT module's MQTT client. Connect joins Wi-Fi when the module is fresh
    /// (first use or after its "ready" reboot), configures and connects the client and subscribes the kept filters,
    /// once each (+MQTTCONNECTED does not tell session-present, so every session counts as new); loss
    /// (+MQTTDISCONNECTED, reboot) is reported from Poll.
    /// </summary>
    public sealed class EspAtMqttLink : IMqttLink
    {
        private readonly EspAtModem _modem;
        private readonly MqttInbox _inbox;
        private readonly MqttSubscriptions _subscriptions = new MqttSubscriptions();
        private readonly SubscribeSender _sendSubscribe;
        private string _lastError = string.Empty;
        private bool _hadSession;
        private string _lostReason;

        public EspAtMqttLink(EspAtModem modem, string ssid, string wifiPassword)
        {
            _sendSubscribe = SendSubscribe;
            _modem = modem;
            Ssid = ssid;
            WifiPassword = wifiPassword;
            _inbox = new MqttInbox(8, modem.Log, "esp-at");
            _modem.MessageReceived += _inbox.Add;
            _modem.Lost += OnLost;
            _modem.Rebooted += delegate { OnLost("module rebooted"); };
        }

        public string Ssid;

        public string WifiPassword;

        /// <summary>
        /// MQTTUSERCFG scheme used for TLS: 3 verifies the server against the CA flashed into the module's
        /// certificate partition (2 would skip verification and is never chosen silently).
        /// </summary>
        public int TlsScheme = 3;

        public int StartTimeoutMs = 10000;

        public string Kind
        {
            get { return "esp-at"; }
        }

        public bool IsConnected { get; private set; }

        public int DroppedMessages
        {
            get { return _inbox.Dropped; }
        }

        public string LastError
        {
            get { return _lastError; }
        }

        public EspAtModem Modem
        {
            get { return _modem; }
        }

        public event LinkLostHandler Lost;

        public LinkResult Connect(MqttConnectOptions options)
        {
            if (options == null || options.Host == null || options.ClientId == null)
            {
                return Fail(LinkResult.InvalidArgument, "missing host or client id");
            }

            if (AtText.EscapeEspAt(options.Host) == null || AtText.EscapeEspAt(options.ClientId) == null
                || (options.Username != null && AtText.EscapeEspAt(options.Username) == null)
                || (options.Password != null && AtText.EscapeEspAt(options.Password) == null))
            {
                return Fail(LinkResult.InvalidArgument, "host, client id, user name or password holds a line break or NUL");
            }

            if (IsConnected)
            {
                return LinkResult.Ok;
            }

            if (_modem.NeedsInit && !_modem.Start(StartTimeoutMs))
            {
                return FailFromModem();
            }

            if (!_modem.WifiConnected && !_modem.JoinWifi(Ssid, WifiPassword))
            {
                return FailFromModem();
            }

            if (_hadSession)
            {
                // the module keeps a dead client after +MQTTDISCONNECTED; it must be cleaned before reconfiguring
                _modem.Clean();
            }

            int scheme = options.UseTls ? TlsScheme : 1;
            if (!_modem.ConfigureMqtt(scheme, options.ClientId, options.Username, options.Password, options.KeepAliveSeconds, options.CleanSession)
                || !_modem.Connect(options.Host, options.Port))
            {
                return FailFromModem();
            }

            IsConnected = true;

            // A new session supersedes a loss of the old one that was not raised yet.
            _lostReason = null;
            _hadSession = true;
            _subscriptions.NewSession();
            LinkResult subscribed = _subscriptions.SubscribeMissing(_sendSubscribe);
            if (subscribed != LinkResult.Ok)
            {
                Disconnect(); // the next Connect starts over
            }

            return subscribed;
        }

        public LinkResult Subscribe(string topicFilter, int qos)
        {
            MqttError filterError = MqttTopic.CheckFilter(topicFilter);
            if (filterError != MqttError.None)
            {
                return Fail(LinkResult.InvalidArgument, "topic filter: " + MqttErrorText.Of(filterError));
            }

            if (!EspAtModem.IsUsableSubscription(topicFilter, qos))
            {
                return Fail(LinkResult.InvalidArgument, "topic filter or QoS not usable in AT+MQTTSUB");
            }

            return _subscriptions.Add(topicFilter, qos, IsConnected, _sendSubscribe);
        }

        private LinkResult SendSubscribe(string topicFilter, int qos)
        {
            return _modem.Subscribe(topicFilter, qos) ? LinkResult.Ok : FailFromModem();
        }

        public LinkResult Publish(string topic, byte[] payload, int offset, int count, int qos)
        {
            // A wildcard or NUL in a topic name makes the broker drop the session; refuse it here instead of waiting
            // out the publish result timeout.
            MqttError topicError = MqttTopic.CheckName(topic);
            if (topicError != MqttError.None)
            {
                return Fail(LinkResult.InvalidArgument, "topic: " + MqttErrorText.Of(topicError));
            }

            if (!IsConnected)
            {
                return Fail(LinkResult.NotConnected, "not connected");
            }

            return _modem.Publish(topic, payload, offset, count, qos) ? LinkResult.Ok : FailFromModem();
        }

        public void Poll(int timeoutMs)
        {
            _modem.Channel.Poll(timeoutMs);
            string reason = _lostReason;
            _lostReason = null;
            LinkLostHandler lost = Lost;
            if (reason != null && lost != null)
            {
                lost(reason);
            }
        }

        public bool TryTakeMessage(out string topic, out byte[] payload)
        {
            return _inbox.TryTake(out topic, out payload);
        }

        public void Disconnect()
        {
            _modem.Clean();
            IsConnected = false;
            _hadSession = false;

            // The caller ended the session (or Connect failed and said so): a loss seen on the way is not news.
            _lostReason = null;
        }

        private void OnLost(string reason)
        {
            bool wasConnected = IsConnected;
            IsConnected = false;
            _lastError = reason;
            if (wasConnected && _lostReason == null)
            {
                // Raised from Poll only: a URC handler must not re-enter a caller that is itself inside Publish.
                _lostReason = reason;
            }
        }

        private LinkResult FailFromModem()
        {
            return Fail(LinkResultMap.From(_modem.LastError), _modem.LastError.Message);
        }

        private LinkResult Fail(LinkResult result, string message)
        {
            _lastError = message;
            if (result == LinkResult.NotConnected)
            {
                IsConnected = false;
            }

            return result;
        }
    }
}
