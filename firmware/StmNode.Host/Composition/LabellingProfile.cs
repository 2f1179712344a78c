using System;
using System.Collections.Generic;
using StmNode.Cloud;
using StmNode.Json;
using StmNode.Ports;

namespace StmNode.Host.Composition
{
    /// <summary>
    /// Passes every call to the node's cloud profile unchanged and remembers what each uplink topic carries, so the host
    /// can count reports and answers on the link without parsing them. The node encodes a report just before it
    /// publishes it, so the report topic is labelled with the service encoded last; an answer's topic names its request.
    /// </summary>
    public sealed class LabellingProfile : ICloudProfile
    {
        // Answer topics remembered: far more than the node's cache of answered requests, which it may send again.
        private const int MaxAnswers = 64;

        private readonly ICloudProfile _inner;
        private readonly ServiceRecorder _reports;
        private readonly Dictionary<string, UplinkLabel> _answers = new Dictionary<string, UplinkLabel>();
        private readonly Queue<string> _answerOrder = new Queue<string>();

        public LabellingProfile(ICloudProfile inner)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            _reports = new ServiceRecorder(inner.ReportEncoder);
        }

        public string Name => _inner.Name;

        public string[] SubscriptionFilters => _inner.SubscriptionFilters;

        public string ReportTopic => _inner.ReportTopic;

        public IReportEncoder ReportEncoder => _reports;

        public string TimeSyncTopic => _inner.TimeSyncTopic;

        /// <summary>What a message published on this topic is, or null for a topic the profile did not give out.</summary>
        public UplinkLabel LabelOf(string topic)
        {
            if (topic == _inner.ReportTopic)
            {
                return new UplinkLabel(UplinkKind.Report, _reports.Service);
            }

            if (topic == _inner.TimeSyncTopic)
            {
                return new UplinkLabel(UplinkKind.TimeSync, null);
            }

            lock (_answers)
            {
                return _answers.TryGetValue(topic, out UplinkLabel label) ? label : null;
            }
        }

        public bool TryCreateConnectOptions(IClock clock, MqttConnectOptions options, out string error) =>
            _inner.TryCreateConnectOptions(clock, options, out error);

        public Downlink Decode(string topic, byte[] payload, int offset, int count) => _inner.Decode(topic, payload, offset, count);

        public string ResponseTopic(Downlink request)
        {
            string topic = _inner.ResponseTopic(request);
            if (topic != null)
            {
                Remember(topic, request);
            }

            return topic;
        }

        public int EncodeReply(Downlink request, Reply reply, byte[] buffer, int offset, int capacity) =>
            _inner.EncodeReply(request, reply, buffer, offset, capacity);

        public int EncodeTimeSyncRequest(long deviceSendTimeMs, byte[] buffer, int offset, int capacity) =>
            _inner.EncodeTimeSyncRequest(deviceSendTimeMs, buffer, offset, capacity);

        private void Remember(string topic, Downlink request)
        {
            UplinkLabel label = request.Kind switch
            {
                DownlinkKind.Command => new UplinkLabel(UplinkKind.CommandResponse, request.ResponseName ?? request.CommandName),
                DownlinkKind.PropertySet => new UplinkLabel(UplinkKind.SetResponse, null),
                _ => new UplinkLabel(UplinkKind.GetResponse, request.ServiceId),
            };
            lock (_answers)
            {
                if (!_answers.ContainsKey(topic))
                {
                    _answerOrder.Enqueue(topic);
                    if (_answerOrder.Count > MaxAnswers)
                    {
                        _answers.Remove(_answerOrder.Dequeue());
                    }
                }

                _answers[topic] = label;
            }
        }

        /// <summary>The profile's report encoder, noting the service of the message it writes.</summary>
        private sealed class ServiceRecorder : IReportEncoder
        {
            private readonly IReportEncoder _inner;

            public ServiceRecorder(IReportEncoder inner)
            {
                _inner = inner;
            }

            public string Service { get; private set; }

            public JsonWriteError Error => _inner.Error;

            public void Begin(byte[] buffer, int offset, int capacity) => _inner.Begin(buffer, offset, capacity);

            public void BeginService(string serviceId)
            {
                Service = serviceId;
                _inner.BeginService(serviceId);
            }

            public void BeginService(string serviceId, DateTime eventTimeUtc)
            {
                Service = serviceId;
                _inner.BeginService(serviceId, eventTimeUtc);
            }

            public void AddInt(string name, long value) => _inner.AddInt(name, value);

            public void AddDouble(string name, double value, int decimals) => _inner.AddDouble(name, value, decimals);

            public void AddBool(string name, bool value) => _inner.AddBool(name, value);

            public void AddString(string name, string value) => _inner.AddString(name, value);

            public void EndService() => _inner.EndService();

            public int End() => _inner.End();
        }
    }
}
