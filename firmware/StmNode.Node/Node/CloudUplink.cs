using System;
using StmNode.Cloud;

namespace StmNode.Node
{
    /// <summary>
    /// Turns what the node says into messages of its cloud profile: reports, replies to the downlinks it received and
    /// time sync requests, each a topic and its own payload (one reused buffer; the payload is a copy the node may keep
    /// to send again).
    /// </summary>
    public sealed class CloudUplink
    {
        /// <summary>Largest message the node builds; IoTDA allows far more, the node's reports are well under 1 KB.</summary>
        public const int BufferSize = 1536;

        private readonly ICloudProfile _profile;
        private readonly byte[] _buffer = new byte[BufferSize];

        public CloudUplink(ICloudProfile profile)
        {
            _profile = profile;
        }

        /// <summary>True when the cloud answers time sync requests.</summary>
        public bool HasTimeSync
        {
            get { return _profile.TimeSyncTopic != null; }
        }

        /// <summary>The report on the profile's report topic, or null when it cannot be encoded (too large, bad value).</summary>
        public CloudMessage Report(NodeReport report)
        {
            return Message(_profile.ReportTopic, EncodeReport(report));
        }

        /// <summary>The answer to a command or property set; null when none is due or it cannot be encoded.</summary>
        public CloudMessage Answer(Downlink request, Reply reply)
        {
            return Message(_profile.ResponseTopic(request), _profile.EncodeReply(request, reply, _buffer, 0, _buffer.Length));
        }

        /// <summary>The answer to a property get: the properties in the shape of a report.</summary>
        public CloudMessage Answer(Downlink request, NodeReport properties)
        {
            return Message(_profile.ResponseTopic(request), EncodeReport(properties));
        }

        /// <summary>A time sync request stamped with the device's send time (ms since 1970); null when the cloud has none.</summary>
        public CloudMessage TimeSyncRequest(long deviceSendMs)
        {
            string topic = _profile.TimeSyncTopic;
            return topic == null ? null : Message(topic, _profile.EncodeTimeSyncRequest(deviceSendMs, _buffer, 0, _buffer.Length));
        }

        private int EncodeReport(NodeReport report)
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
    }
}
