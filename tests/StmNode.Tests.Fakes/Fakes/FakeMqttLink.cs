using System.Collections;
using System.Text;
using StmNode.Ports;

namespace StmNode.Tests.Fakes
{
    /// <summary>
    /// An IMqttLink for node tests: records connects, subscriptions and publishes, and lets the test refuse connects,
    /// inject downlinks and cut the link. Injected messages are received by Poll and losses raised from it, like a
    /// real link.
    /// </summary>
    public sealed class FakeMqttLink : IMqttLink
    {
        private readonly ArrayList _publishedTopics = new ArrayList();
        private readonly ArrayList _publishedPayloads = new ArrayList();
        private readonly ArrayList _publishedAt = new ArrayList();
        private readonly ArrayList _inbox = new ArrayList();
        private readonly ArrayList _received = new ArrayList();
        private string _pendingLoss;

        public FakeMqttLink(string kind)
        {
            Kind = kind;
            LastError = "";
            Subscriptions = new ArrayList();
        }

        public string Kind { get; private set; }

        public bool IsConnected { get; private set; }

        public string LastError { get; private set; }

        /// <summary>When set, each publish records the uptime it happened at.</summary>
        public IClock Clock;

        /// <summary>What Connect returns (Ok unless the test says otherwise).</summary>
        public LinkResult ConnectResult = LinkResult.Ok;

        /// <summary>What Publish returns while connected.</summary>
        public LinkResult PublishResult = LinkResult.Ok;

        public int ConnectCalls { get; private set; }

        public int DisconnectCalls { get; private set; }

        public MqttConnectOptions LastOptions { get; private set; }

        /// <summary>The filters the link was given to keep (each once), as a real link owns them across sessions.</summary>
        public ArrayList Subscriptions { get; private set; }

        /// <summary>Every Subscribe call, kept or not.</summary>
        public int SubscribeCalls { get; private set; }

        public int PublishCount
        {
            get { return _publishedTopics.Count; }
        }

        /// <summary>The fake's queue is unbounded: it never drops.</summary>
        public int DroppedMessages
        {
            get { return 0; }
        }

        public event LinkLostHandler Lost;

        public string PublishedTopic(int index)
        {
            return (string)_publishedTopics[index];
        }

        public string PublishedText(int index)
        {
            byte[] payload = (byte[])_publishedPayloads[index];
            return Encoding.UTF8.GetString(payload, 0, payload.Length);
        }

        /// <summary>Uptime of a publish (0 without <see cref="Clock"/>).</summary>
        public long PublishedAt(int index)
        {
            return (long)_publishedAt[index];
        }

        /// <summary>
        /// Index of the first publish at or after <paramref name="from"/> whose topic starts with the prefix ("" matches
        /// any); -1 if none.
        /// </summary>
        public int FindPublished(string topicPrefix, int from)
        {
            for (int i = from; i < _publishedTopics.Count; i++)
            {
                // "" is tested for first: nanoFramework's s.IndexOf("") throws (.NET: 0).
                if (topicPrefix.Length == 0 || ((string)_publishedTopics[i]).IndexOf(topicPrefix) == 0)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Queues a message from the broker; received by the next Poll while connected.</summary>
        public void Inject(string topic, string payload)
        {
            _inbox.Add(topic);
            _inbox.Add(Encoding.UTF8.GetBytes(payload));
        }

        /// <summary>Cuts the link: IsConnected goes false and Lost is raised on the next Poll.</summary>
        public void Drop(string reason)
        {
            IsConnected = false;
            _pendingLoss = reason;
        }

        public LinkResult Connect(MqttConnectOptions options)
        {
            ConnectCalls++;
            LastOptions = options;
            if (ConnectResult != LinkResult.Ok)
            {
                LastError = "connect refused by test";
                return ConnectResult;
            }

            IsConnected = true;
            return LinkResult.Ok;
        }

        public LinkResult Subscribe(string topicFilter, int qos)
        {
            SubscribeCalls++;
            if (Subscriptions.IndexOf(topicFilter) < 0)
            {
                Subscriptions.Add(topicFilter);
            }

            return LinkResult.Ok;
        }

        public LinkResult Publish(string topic, byte[] payload, int offset, int count, int qos)
        {
            if (!IsConnected)
            {
                return LinkResult.NotConnected;
            }

            if (PublishResult != LinkResult.Ok)
            {
                LastError = "publish refused by test";
                return PublishResult;
            }

            byte[] copy = new byte[count];
            System.Array.Copy(payload, offset, copy, 0, count);
            _publishedTopics.Add(topic);
            _publishedPayloads.Add(copy);
            _publishedAt.Add(Clock == null ? 0L : Clock.UptimeMs);
            return LinkResult.Ok;
        }

        public void Poll(int timeoutMs)
        {
            if (_pendingLoss != null)
            {
                string reason = _pendingLoss;
                _pendingLoss = null;
                LinkLostHandler lost = Lost;
                if (lost != null)
                {
                    lost(reason);
                }

                return;
            }

            while (_inbox.Count > 0 && IsConnected)
            {
                _received.Add(_inbox[0]);
                _received.Add(_inbox[1]);
                _inbox.RemoveAt(0);
                _inbox.RemoveAt(0);
            }
        }

        public bool TryTakeMessage(out string topic, out byte[] payload)
        {
            if (_received.Count == 0)
            {
                topic = null;
                payload = null;
                return false;
            }

            topic = (string)_received[0];
            payload = (byte[])_received[1];
            _received.RemoveAt(0);
            _received.RemoveAt(0);
            return true;
        }

        public void Disconnect()
        {
            DisconnectCalls++;
            IsConnected = false;
        }
    }
}
