using System;
using System.Collections;
using StmNode.Ports;

namespace StmNode.Modems
{
    /// <summary>
    /// Holds received messages and link loss that URC handlers report in the middle of a command, so that an
    /// <see cref="IMqttLink"/> raises them only from Poll (never re-entering a caller that is itself inside Publish).
    /// Bounded: beyond the capacity the oldest message is dropped and counted.
    /// </summary>
    public sealed class LinkEvents
    {
        private readonly ArrayList _topics = new ArrayList();
        private readonly ArrayList _payloads = new ArrayList();
        private readonly int _capacity;
        private string _lostReason;

        public LinkEvents(int capacity)
        {
            _capacity = capacity;
        }

        public int DroppedMessages { get; private set; }

        public void AddMessage(string topic, byte[] payload, int offset, int count)
        {
            if (_topics.Count == _capacity)
            {
                _topics.RemoveAt(0);
                _payloads.RemoveAt(0);
                DroppedMessages++;
            }

            byte[] copy = new byte[count];
            Array.Copy(payload, offset, copy, 0, count);
            _topics.Add(topic);
            _payloads.Add(copy);
        }

        /// <summary>Remembers the first reason until raised; later losses before that add nothing.</summary>
        public void AddLoss(string reason)
        {
            if (_lostReason == null)
            {
                _lostReason = reason;
            }
        }

        /// <summary>A new session supersedes a loss of the old one that was not raised yet.</summary>
        public void ForgetLoss()
        {
            _lostReason = null;
        }

        /// <summary>Raises the queued messages, then the loss, and empties the queue.</summary>
        public void Raise(MqttMessageHandler received, LinkLostHandler lost)
        {
            while (_topics.Count > 0)
            {
                string topic = (string)_topics[0];
                byte[] payload = (byte[])_payloads[0];
                _topics.RemoveAt(0);
                _payloads.RemoveAt(0);
                if (received != null)
                {
                    received(topic, payload, 0, payload.Length);
                }
            }

            string reason = _lostReason;
            _lostReason = null;
            if (reason != null && lost != null)
            {
                lost(reason);
            }
        }
    }
}
