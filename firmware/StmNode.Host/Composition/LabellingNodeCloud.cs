using System;
using System.Runtime.CompilerServices;
using StmNode.Node;
using StmNode.Ports;

namespace StmNode.Host.Composition
{
    /// <summary>
    /// Passes every call to Core's cloud adapter unchanged and remembers what each encoded payload is (by reference),
    /// so the host can count reports and command answers on the link without parsing them.
    /// </summary>
    public sealed class LabellingNodeCloud : INodeCloud
    {
        private readonly INodeCloud _inner;
        private readonly ConditionalWeakTable<byte[], UplinkLabel> _labels = new ConditionalWeakTable<byte[], UplinkLabel>();

        public LabellingNodeCloud(INodeCloud inner)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        }

        public string[] Subscriptions => _inner.Subscriptions;

        /// <summary>What a payload this adapter produced is, or null for any other array.</summary>
        public UplinkLabel LabelOf(byte[] payload) =>
            payload != null && _labels.TryGetValue(payload, out UplinkLabel label) ? label : null;

        public bool FillConnectOptions(MqttConnectOptions options, out string error) => _inner.FillConnectOptions(options, out error);

        public void Decode(string topic, byte[] payload, int offset, int count, NodeDownlink downlink) =>
            _inner.Decode(topic, payload, offset, count, downlink);

        public CloudMessage EncodeReport(NodeReport report) => Label(_inner.EncodeReport(report), UplinkKind.Report, report.ServiceId);

        public CloudMessage EncodeCommandResponse(string requestId, CommandReply reply) =>
            Label(_inner.EncodeCommandResponse(requestId, reply), UplinkKind.CommandResponse, reply.ResponseName);

        public CloudMessage EncodeSetResponse(string requestId, int resultCode, string description) =>
            Label(_inner.EncodeSetResponse(requestId, resultCode, description), UplinkKind.SetResponse, null);

        public CloudMessage EncodeGetResponse(string requestId, NodeReport report) =>
            Label(_inner.EncodeGetResponse(requestId, report), UplinkKind.GetResponse, report.ServiceId);

        public CloudMessage EncodeTimeSyncRequest(long deviceSendMs) => Label(_inner.EncodeTimeSyncRequest(deviceSendMs), UplinkKind.TimeSync, null);

        private CloudMessage Label(CloudMessage message, UplinkKind kind, string detail)
        {
            if (message != null)
            {
                _labels.AddOrUpdate(message.Payload, new UplinkLabel(kind, detail));
            }

            return message;
        }
    }
}
