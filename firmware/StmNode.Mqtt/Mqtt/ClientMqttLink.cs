using System;
using StmNode.Ports;

namespace StmNode.Mqtt
{
    /// <summary>
    /// <see cref="IMqttLink"/> over an MQTT client library with its own threads (<see cref="IMqttClientPort"/>:
    /// nanoFramework.M2Mqtt over the ESP32's Wi-Fi). Messages and the loss of the connection come on the library's
    /// threads: messages wait in the inbox to be taken, the loss is raised from <see cref="Poll"/>, on the caller's
    /// thread. Each Connect starts a new client and subscribes the kept filters, once each (M2Mqtt does not tell
    /// session-present, so every session counts as new); the library's exceptions become results and a LastError
    /// naming their types (a type name never carries a secret).
    /// </summary>
    public sealed class ClientMqttLink : IMqttLink
    {
        private const string ClosedByPeer = "connection closed by the broker or the network";

        private readonly IMqttClientPort _client;
        private readonly string _kind;
        private readonly MqttInbox _inbox;
        private readonly MqttSubscriptions _subscriptions = new MqttSubscriptions();
        private readonly SubscribeSender _sendSubscribe;
        private string _lastError = string.Empty;
        private bool _open;

        // Written on the library's thread, read on the caller's.
        private string _lostReason;

        /// <param name="kind">Names the transport in logs and diagnostics ("wifi").</param>
        public ClientMqttLink(IMqttClientPort client, ILog log, string kind)
        {
            _sendSubscribe = SendSubscribe;
            _client = client;
            _kind = kind;
            _inbox = new MqttInbox(16, log, kind);
            _client.MessageReceived += _inbox.Add;
            _client.ConnectionClosed += OnConnectionClosed;
        }

        public event LinkLostHandler Lost;

        /// <summary>When set, a TLS connect waits (fails, to be retried) until this clock has the real time.</summary>
        public IClock WallClock;

        public string Kind
        {
            get { return _kind; }
        }

        public bool IsConnected
        {
            get { return _open && _lostReason == null && _client.IsConnected; }
        }

        public string LastError
        {
            get { return _lastError; }
        }

        public int DroppedMessages
        {
            get { return _inbox.Dropped; }
        }

        public LinkResult Connect(MqttConnectOptions options)
        {
            Disconnect();
            if (options == null || options.Host == null || options.Host.Length == 0 || options.ClientId == null
                || options.KeepAliveSeconds < 0 || options.KeepAliveSeconds > 65535)
            {
                return Fail(LinkResult.InvalidArgument, "connect refused: missing host or client id, or keep-alive outside 0..65535 s");
            }

            string networkError;
            if (!_client.JoinNetwork(out networkError))
            {
                return Fail(LinkResult.Failed, networkError);
            }

            if (options.UseTls && WallClock != null && !WallClock.IsUtcValid)
            {
                // A certificate's validity dates cannot be checked against an unset clock: the first connects fail.
                return Fail(LinkResult.Failed, "TLS waits for the wall clock (SNTP after the network came up): certificate dates cannot be checked yet");
            }

            _lostReason = null;
            _open = true;
            int code;
            try
            {
                // Resolves the host, connects, runs the TLS handshake and waits for CONNACK within the library's own
                // limit; a hang below the socket is the watchdog's job.
                code = _client.Connect(options);
            }
            catch (Exception e)
            {
                // A failed connect can leave the library's receive thread and socket open: the client is closed.
                // The library wraps socket and TLS errors: the inner type tells a dead network from a refused certificate.
                Close();
                return Fail(LinkResult.Failed, "connect failed: " + Describe(e));
            }

            if (code != 0)
            {
                Close();
                return Fail(LinkResult.Refused, "broker refused the connection (code " + code.ToString() + ")");
            }

            _subscriptions.NewSession();
            LinkResult subscribed = _subscriptions.SubscribeMissing(_sendSubscribe);
            if (subscribed != LinkResult.Ok)
            {
                Close(); // the next Connect starts over
            }

            return subscribed;
        }

        public LinkResult Subscribe(string topicFilter, int qos)
        {
            MqttError error = MqttTopic.CheckFilter(topicFilter);
            if (error != MqttError.None || qos < 0 || qos > 2)
            {
                return Fail(LinkResult.InvalidArgument, "cannot subscribe to '" + topicFilter + "': " + (error != MqttError.None ? MqttErrorText.Of(error) : "QoS outside 0..2"));
            }

            return _subscriptions.Add(topicFilter, qos, IsConnected, _sendSubscribe);
        }

        public LinkResult Publish(string topic, byte[] payload, int offset, int count, int qos)
        {
            MqttError error = MqttTopic.CheckName(topic);
            if (error != MqttError.None)
            {
                return Fail(LinkResult.InvalidArgument, "cannot publish to '" + topic + "': " + MqttErrorText.Of(error));
            }

            if ((qos != 0 && qos != 1) || offset < 0 || count < 0 || (count > 0 && (payload == null || offset > payload.Length - count)))
            {
                return Fail(LinkResult.InvalidArgument, "publish needs QoS 0 or 1 and a payload range inside the array");
            }

            if (!IsConnected)
            {
                return Fail(LinkResult.NotConnected, "publish while not connected");
            }

            // The library keeps the array and sends it later from its own thread: it gets a copy, so the caller may
            // reuse its buffer as soon as this returns.
            byte[] message = new byte[count];
            if (count > 0)
            {
                Array.Copy(payload, offset, message, 0, count);
            }

            try
            {
                _client.Publish(topic, message, qos);
                return LinkResult.Ok;
            }
            catch (Exception e)
            {
                return Fail(LinkResult.Failed, "publish failed: " + Describe(e));
            }
        }

        public void Poll(int timeoutMs)
        {
            if (_inbox.Count == 0 && _lostReason == null && timeoutMs > 0)
            {
                _client.Wait(timeoutMs);
            }

            string reason = _lostReason;
            if (reason == null)
            {
                return;
            }

            _lostReason = null;
            if (!_open)
            {
                return;
            }

            _lastError = reason;
            Close();
            LinkLostHandler lost = Lost;
            if (lost != null)
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
            Close();
        }

        /// <summary>Hands the SUBSCRIBE to the library, which sends it from its own thread (its SUBACK is not awaited).</summary>
        private LinkResult SendSubscribe(string topicFilter, int qos)
        {
            try
            {
                _client.Subscribe(topicFilter, qos);
                return LinkResult.Ok;
            }
            catch (Exception e)
            {
                return Fail(LinkResult.Failed, "subscribe failed: " + Describe(e));
            }
        }

        private static string Describe(Exception e)
        {
            // object.GetType(): .NET's Exception hides it with a member nanoFramework does not have.
            object outer = e;
            object inner = e.InnerException;
            return outer.GetType().Name + (inner == null ? string.Empty : " (" + inner.GetType().Name + ")");
        }

        private void OnConnectionClosed(string reason)
        {
            if (_open)
            {
                _lostReason = reason == null || reason.Length == 0 ? ClosedByPeer : reason;
            }
        }

        private void Close()
        {
            _open = false;
            try
            {
                _client.Disconnect();
            }
            catch (Exception)
            {
                // DISCONNECT cannot be sent on a dead socket; the port closes the client all the same.
            }
        }

        private LinkResult Fail(LinkResult result, string error)
        {
            _lastError = error;
            return result;
        }
    }
}
