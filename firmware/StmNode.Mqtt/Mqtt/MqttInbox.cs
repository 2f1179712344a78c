using System;
using System.Collections;
using StmNode.Ports;

namespace StmNode.Mqtt
{
    /// <summary>
    /// The one queue between a link and its reader: received messages wait here, copied, until
    /// <see cref="IMqttLink.TryTakeMessage"/> takes them. Bounded; a message lost because it is full is counted and
    /// logged, never dropped silently. Safe to fill from a client library's own thread.
    /// </summary>
    public sealed class MqttInbox
    {
        private readonly object _gate = new object();
        private readonly ArrayList _topics = new ArrayList();
        private readonly ArrayList _payloads = new ArrayList();
        private readonly ILog _log;
        private readonly string _source;
        private int _capacity;
        private int _dropped;

        /// <param name="source">Names the link in the log lines about lost messages.</param>
        public MqttInbox(int capacity, ILog log, string source)
        {
            _capacity = capacity < 1 ? 1 : capacity;
            _log = log;
            _source = source;
        }

        /// <summary>Most messages held at once (at least 1).</summary>
        public int Capacity
        {
            get { return _capacity; }
            set { _capacity = value < 1 ? 1 : value; }
        }

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _topics.Count;
                }
            }
        }

        public bool IsFull
        {
            get { return Count >= _capacity; }
        }

        /// <summary>Messages lost because the queue was full.</summary>
        public int Dropped
        {
            get
            {
                lock (_gate)
                {
                    return _dropped;
                }
            }
        }

        /// <summary>
        /// Queues a copy of the message (the caller's bytes may be reused at once). When full, the oldest message
        /// makes room: the newest is the one the sender is still waiting an answer to.
        /// </summary>
        public void Add(string topic, byte[] payload, int offset, int count)
        {
            byte[] copy = new byte[count];
            if (count > 0)
            {
                Array.Copy(payload, offset, copy, 0, count);
            }

            string lost = null;
            lock (_gate)
            {
                if (_topics.Count >= _capacity)
                {
                    lost = (string)_topics[0];
                    _topics.RemoveAt(0);
                    _payloads.RemoveAt(0);
                    _dropped++;
                }

                _topics.Add(topic);
                _payloads.Add(copy);
            }

            if (lost != null)
            {
                _log.Write(LogLevel.Warning, _source, "receive queue full (" + _capacity.ToString() + "): dropped the oldest message, on '" + lost + "'");
            }
        }

        /// <summary>
        /// Counts and logs a message the link did not take because the queue is full (a QoS 1/2 message left
        /// unacknowledged, which the broker may send again).
        /// </summary>
        public void Refuse(string topic)
        {
            lock (_gate)
            {
                _dropped++;
            }

            _log.Write(LogLevel.Warning, _source, "receive queue full (" + _capacity.ToString() + "): message on '" + topic + "' not taken");
        }

        /// <summary>Takes the oldest message; false when none waits.</summary>
        public bool TryTake(out string topic, out byte[] payload)
        {
            lock (_gate)
            {
                if (_topics.Count == 0)
                {
                    topic = null;
                    payload = null;
                    return false;
                }

                topic = (string)_topics[0];
                payload = (byte[])_payloads[0];
                _topics.RemoveAt(0);
                _payloads.RemoveAt(0);
                return true;
            }
        }
    }
}
