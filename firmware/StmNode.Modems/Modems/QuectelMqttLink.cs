using StmNode.At;
using StmNode.Mqtt;
using StmNode.Ports;

namespace StmNode.Modems
{
    /// <summary>
    /// <see cref="IMqttLink"/> over a BC26's or EC20's own MQTT stack. Connect brings the modem up when needed
    /// (power, init, SIM, registration, bearer) and subscribes the kept filters, once each (+QMTCONN does not tell
    /// session-present, so every session counts as new); a reboot or +QMTSTAT marks the link down and is reported from
    /// Poll, and the next Connect redoes everything (QMTCFG settings do not survive a reboot).
    /// </summary>
    public sealed class QuectelMqttLink : IMqttLink
    {
        private readonly QuectelModem _modem;
        private readonly QuectelMqtt _mqtt;
        private readonly MqttInbox _inbox;
        private readonly MqttSubscriptions _subscriptions = new MqttSubscriptions();
        private readonly SubscribeSender _sendSubscribe;
        private int _nextMessageId = 1;
        private bool _caUploaded;
        private string _lastError = string.Empty;
        // True once the whole bring-up (up to the PDP context) succeeded since the last reboot: a bring-up that
        // failed half-way must be redone, or every later QMTOPEN ends in "PDP not active" for good.
        private bool _bearerUp;
        private string _lostReason;

        public QuectelMqttLink(QuectelModem modem)
        {
            _sendSubscribe = SendSubscribe;
            _modem = modem;
            _mqtt = new QuectelMqtt(modem);
            _inbox = new MqttInbox(8, modem.Log, modem.Kind);
            _mqtt.MessageReceived += _inbox.Add;
            _mqtt.Lost += OnLost;
            _modem.BearerLost += delegate { _bearerUp = false; };
            _modem.Rebooted += delegate
            {
                _bearerUp = false;
                OnLost("modem rebooted");
            };
        }

        /// <summary>APN to set before registration; null keeps the modem's stored one.</summary>
        public string Apn;

        public string ApnUser;

        public string ApnPassword;

        /// <summary>CA file on the modem used when options ask for TLS.</summary>
        public string CaFile = "UFS:ca.pem";

        /// <summary>When set, uploaded to <see cref="CaFile"/> (EC20) before the first TLS connect of this link.</summary>
        public byte[] CaCertificate;

        public int SslContext = 0;

        public int RegistrationTimeoutMs = 120000;

        public string Kind
        {
            get { return _modem.Kind; }
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

        public QuectelMqtt Mqtt
        {
            get { return _mqtt; }
        }

        public event LinkLostHandler Lost;

        public LinkResult Connect(MqttConnectOptions options)
        {
            if (options == null || options.Host == null || options.ClientId == null || options.KeepAliveSeconds < 0 || options.KeepAliveSeconds > 3600)
            {
                return Fail(LinkResult.InvalidArgument, "missing host or client id, or keep-alive outside 0..3600");
            }

            if (!AtText.IsQuectelSafe(options.Host, 100) || !QuectelMqtt.IsUsableLogin(options.ClientId, options.Username, options.Password))
            {
                return Fail(LinkResult.InvalidArgument, "host, client id, user name or password holds characters AT+QMTOPEN / AT+QMTCONN cannot carry");
            }

            if (options.UseTls && !_modem.SupportsTls)
            {
                return Fail(LinkResult.InvalidArgument, _modem.Kind + " has no MQTT over TLS; use port 1883");
            }

            if (IsConnected)
            {
                return LinkResult.Ok;
            }

            if ((_modem.NeedsInit || !_bearerUp) && !BringUp())
            {
                return FailFrom(_modem.LastError);
            }

            if (options.UseTls && !PrepareTls())
            {
                return FailFrom(_modem.LastError);
            }

            if (!_mqtt.Configure(options.KeepAliveSeconds, options.CleanSession, options.UseTls ? SslContext : -1) || !OpenSession(options))
            {
                return FailFrom(_mqtt.LastError);
            }

            IsConnected = true;

            // A new session supersedes a loss of the old one that was not raised yet.
            _lostReason = null;
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

            if (!QuectelMqtt.IsUsableSubscription(topicFilter, qos))
            {
                return Fail(LinkResult.InvalidArgument, "topic filter or QoS not usable in AT+QMTSUB");
            }

            return _subscriptions.Add(topicFilter, qos, IsConnected, _sendSubscribe);
        }

        private LinkResult FailFrom(ModemError error)
        {
            return Fail(LinkResultMap.From(error), error.Message);
        }

        private LinkResult SendSubscribe(string topicFilter, int qos)
        {
            return _mqtt.Subscribe(topicFilter, qos, NextMessageId()) ? LinkResult.Ok : FailFrom(_mqtt.LastError);
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

            if (!_mqtt.Publish(topic, payload, offset, count, qos, NextMessageId()))
            {
                return FailFrom(_mqtt.LastError);
            }

            return LinkResult.Ok;
        }

        public void Poll(int timeoutMs)
        {
            _modem.Channel.Poll(timeoutMs);
            RaiseLoss();
        }

        public bool TryTakeMessage(out string topic, out byte[] payload)
        {
            return _inbox.TryTake(out topic, out payload);
        }

        public void Disconnect()
        {
            if (IsConnected)
            {
                _mqtt.Disconnect();
            }

            _mqtt.Close();
            IsConnected = false;

            // The caller ended the session (or Connect failed and said so): a loss seen on the way is not news.
            _lostReason = null;
        }

        /// <summary>QMTOPEN (closing a stale client first when the index is still occupied) and QMTCONN.</summary>
        private bool OpenSession(MqttConnectOptions options)
        {
            if (!_mqtt.Open(options.Host, options.Port))
            {
                if (_mqtt.LastError.Kind == ModemErrorKind.OpenFailed && _mqtt.LastError.Code == 3)
                {
                    // +QMTOPEN result 3, "failed to activate PDP": the bearer is gone; the next Connect brings it up again.
                    _bearerUp = false;
                }

                if (_mqtt.LastError.Kind != ModemErrorKind.OpenFailed || _mqtt.LastError.Code != 2)
                {
                    return false;
                }

                _mqtt.Close();
                if (!_mqtt.Open(options.Host, options.Port))
                {
                    return false;
                }
            }

            if (_mqtt.Connect(options.ClientId, options.Username, options.Password))
            {
                return true;
            }

            _mqtt.Close();
            return false;
        }

        private bool BringUp()
        {
            _bearerUp = _modem.BringUpBearer(Apn, ApnUser, ApnPassword, RegistrationTimeoutMs);
            return _bearerUp;
        }

        /// <summary>Uploads the CA once per link (the modem keeps its file system across reboots), then the SSL context.</summary>
        private bool PrepareTls()
        {
            if (CaCertificate != null && !_caUploaded)
            {
                if (!_modem.UploadFile(CaFile, CaCertificate))
                {
                    return false;
                }

                _caUploaded = true;
            }

            return _modem.ConfigureTls(SslContext, CaFile);
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

        private void RaiseLoss()
        {
            string reason = _lostReason;
            _lostReason = null;
            LinkLostHandler lost = Lost;
            if (reason != null && lost != null)
            {
                lost(reason);
            }
        }

        private int NextMessageId()
        {
            int id = _nextMessageId;
            _nextMessageId = _nextMessageId >= 65535 ? 1 : _nextMessageId + 1;
            return id;
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
