using System;
using System.Diagnostics;
using StmNode.Ports;

namespace StmNode.Host.Composition
{
    /// <summary>
    /// Passes every call through to the real link unchanged and tells the host what happened (connect and publish
    /// outcomes with their duration, messages taken), so the console, the summary line and fleet statistics see
    /// the node's traffic without any node logic in the host.
    /// </summary>
    public sealed class ObservedMqttLink : IMqttLink
    {
        private readonly IMqttLink _inner;

        public ObservedMqttLink(IMqttLink inner)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            _inner.Lost += reason =>
            {
                LostObserved?.Invoke(reason);
                Lost?.Invoke(reason);
            };
        }

        /// <summary>A connect finished: result and how long it took (bearer, TCP, CONNACK and the subscriptions of a new session).</summary>
        public event Action<LinkResult, TimeSpan> Connected;

        /// <summary>A publish finished: topic, payload, result and how long it took (a QoS 1 publish waits for PUBACK).</summary>
        public event PublishObserver Published;

        /// <summary>Core took a received message.</summary>
        public event MqttMessageHandler Received;

        /// <summary>The link reported a loss.</summary>
        public event Action<string> LostObserved;

        public event LinkLostHandler Lost;

        public IMqttLink Inner => _inner;

        public string Kind => _inner.Kind;

        public bool IsConnected => _inner.IsConnected;

        public string LastError => _inner.LastError;

        public int DroppedMessages => _inner.DroppedMessages;

        public LinkResult Connect(MqttConnectOptions options)
        {
            long start = Stopwatch.GetTimestamp();
            LinkResult result = _inner.Connect(options);
            Connected?.Invoke(result, Stopwatch.GetElapsedTime(start));
            return result;
        }

        public LinkResult Subscribe(string topicFilter, int qos) => _inner.Subscribe(topicFilter, qos);

        public LinkResult Publish(string topic, byte[] payload, int offset, int count, int qos)
        {
            long start = Stopwatch.GetTimestamp();
            LinkResult result = _inner.Publish(topic, payload, offset, count, qos);
            Published?.Invoke(topic, payload, offset, count, result, Stopwatch.GetElapsedTime(start));
            return result;
        }

        public void Poll(int timeoutMs) => _inner.Poll(timeoutMs);

        public bool TryTakeMessage(out string topic, out byte[] payload)
        {
            if (!_inner.TryTakeMessage(out topic, out payload))
            {
                return false;
            }

            Received?.Invoke(topic, payload, 0, payload.Length);
            return true;
        }

        public void Disconnect() => _inner.Disconnect();
    }
}
