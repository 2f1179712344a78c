using System;
using System.Collections;
using StmNode.Cloud;
using StmNode.Ports;

namespace StmNode.Node
{
    /// <summary>
    /// Puts a cloud profile (Huawei IoTDA, Aliyun, generic MQTT) behind the node's <see cref="INodeCloud"/>: maps the
    /// profile's typed downlinks to the node's and encodes reports, answers and time sync requests with it.
    /// Answers carry the result code and a short text ("success" or the reason); the LED states themselves are
    /// in the report that follows every change.
    /// </summary>
    public sealed class ProfileNodeCloud : INodeCloud
    {
        /// <summary>Largest message the node builds; IoTDA allows far more, the node's reports are well under 1 KB.</summary>
        public const int BufferSize = 1536;

        private readonly ICloudProfile _profile;
        private readonly IClock _clock;
        private readonly byte[] _buffer = new byte[BufferSize];
        private Downlink _lastRequest;

        public ProfileNodeCloud(ICloudProfile profile, IClock clock)
        {
            _profile = profile;
            _clock = clock;
        }

        public string[] Subscriptions
        {
            get { return _profile.SubscriptionFilters; }
        }

        public bool FillConnectOptions(MqttConnectOptions options, out string error)
        {
            return _profile.TryCreateConnectOptions(_clock, options, out error);
        }

        public void Decode(string topic, byte[] payload, int offset, int count, NodeDownlink downlink)
        {
            downlink.Reset();
            Downlink decoded = _profile.Decode(topic, payload, offset, count);
            downlink.Kind = Map(decoded.Kind);
            downlink.RequestId = decoded.RequestId == null ? "" : decoded.RequestId;
            downlink.ServiceId = decoded.ServiceId == null ? "" : decoded.ServiceId;
            downlink.CommandName = decoded.CommandName == null ? "" : decoded.CommandName;
            downlink.DeviceSendMs = decoded.DeviceSendTimeMs;
            downlink.ServerRecvMs = decoded.ServerRecvTimeMs;
            downlink.ServerSendMs = decoded.ServerSendTimeMs;
            if (!decoded.IsOk)
            {
                // The checker may have passed some fields before the bad one: a refused message carries none.
                downlink.Error = decoded.ErrorDetail == null || decoded.ErrorDetail.Length == 0 ? "malformed message" : decoded.ErrorDetail;
            }
            else if (downlink.Kind == NodeMessageKind.Unknown)
            {
                downlink.Error = "not a message for the node";
            }
            else
            {
                foreach (DictionaryEntry entry in decoded.Parameters)
                {
                    downlink.Paras[entry.Key] = entry.Value;
                }
            }

            if (decoded.NeedsResponse)
            {
                _lastRequest = decoded;
            }
        }

        public CloudMessage EncodeReport(NodeReport report)
        {
            return Message(_profile.ReportTopic, EncodeReportBody(report));
        }

        public CloudMessage EncodeCommandResponse(string requestId, CommandReply reply)
        {
            Downlink request = Request(requestId, DownlinkKind.Command);
            string text = reply.ResultCode == 0 ? reply.Find("result") : reply.Find("reason");
            int length = _profile.EncodeResponse(request, reply.ResultCode, text == null ? "" : text, _buffer, 0, _buffer.Length);
            return Message(_profile.ResponseTopic(request), length);
        }

        public CloudMessage EncodeSetResponse(string requestId, int resultCode, string description)
        {
            Downlink request = Request(requestId, DownlinkKind.PropertySet);
            int length = _profile.EncodeResponse(request, resultCode, description, _buffer, 0, _buffer.Length);
            return Message(_profile.ResponseTopic(request), length);
        }

        public CloudMessage EncodeGetResponse(string requestId, NodeReport report)
        {
            return Message(_profile.ResponseTopic(Request(requestId, DownlinkKind.PropertyGet)), EncodeReportBody(report));
        }

        public CloudMessage EncodeTimeSyncRequest(long deviceSendMs)
        {
            string topic = _profile.TimeSyncTopic;
            return topic == null ? null : Message(topic, _profile.EncodeTimeSyncRequest(deviceSendMs, _buffer, 0, _buffer.Length));
        }

        private int EncodeReportBody(NodeReport report)
        {
            IReportEncoder encoder = _profile.ReportEncoder;
            encoder.Begin(_buffer, 0, _buffer.Length);
            if (report.HasEventTime)
            {
                encoder.BeginService(report.ServiceId, report.EventTimeUtc);
            }
            else
            {
                encoder.BeginService(report.ServiceId);
            }

            for (int i = 0; i < report.Count; i++)
            {
                string name = report.NameAt(i);
                switch (report.KindAt(i))
                {
                    case NodeReport.KindInt:
                        encoder.AddInt(name, report.IntAt(i));
                        break;
                    case NodeReport.KindDouble:
                        encoder.AddDouble(name, report.DoubleAt(i), 1);
                        break;
                    case NodeReport.KindBool:
                        encoder.AddBool(name, report.BoolAt(i));
                        break;
                    default:
                        encoder.AddString(name, report.StringAt(i));
                        break;
                }
            }

            encoder.EndService();
            return encoder.End();
        }

        // The request being answered is the one just decoded; a cached answer is re-sent as bytes and never re-encoded.
        private Downlink Request(string requestId, DownlinkKind kind)
        {
            if (_lastRequest != null && _lastRequest.RequestId == requestId && _lastRequest.Kind == kind)
            {
                return _lastRequest;
            }

            Downlink request = new Downlink();
            request.Kind = kind;
            request.RequestId = requestId;
            return request;
        }

        private CloudMessage Message(string topic, int length)
        {
            if (topic == null || length < 0)
            {
                return null;
            }

            byte[] payload = new byte[length];
            Array.Copy(_buffer, 0, payload, 0, length);
            return new CloudMessage(topic, payload);
        }

        private static NodeMessageKind Map(DownlinkKind kind)
        {
            switch (kind)
            {
                case DownlinkKind.LedMessage: return NodeMessageKind.Message;
                case DownlinkKind.Command: return NodeMessageKind.Command;
                case DownlinkKind.PropertySet: return NodeMessageKind.PropertiesSet;
                case DownlinkKind.PropertyGet: return NodeMessageKind.PropertiesGet;
                case DownlinkKind.TimeSync: return NodeMessageKind.TimeSync;
                case DownlinkKind.ReportReply: return NodeMessageKind.ReportReply;
                default: return NodeMessageKind.Unknown;
            }
        }
    }
}
