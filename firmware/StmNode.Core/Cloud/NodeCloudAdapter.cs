using System;
using StmNode.Node;
using StmNode.Ports;

namespace StmNode.Cloud
{
    /// <summary>
    /// Lets the node loop (<see cref="INodeCloud"/>) talk through any <see cref="ICloudProfile"/>. Build the profile
    /// with <see cref="DeviceModel.CreatePassThrough"/> when the node checks requests itself (it does), so a value
    /// like "ON" reaches the node's handler instead of being refused here. Encodes into one scratch buffer and copies
    /// the result out, since the node keeps messages (offline buffer, repeated answers).
    /// </summary>
    public sealed class NodeCloudAdapter : INodeCloud
    {
        /// <summary>Largest message the adapter encodes; far above a full stm32 + diag report.</summary>
        public const int BufferSize = 4096;

        private const string Source = "cloud";

        // Readings are sent with up to this many fraction digits (DHT11 steps are 0.1; trailing zeros are dropped).
        private const int Decimals = 3;

        private readonly ICloudProfile _profile;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly byte[] _buffer = new byte[BufferSize];

        public NodeCloudAdapter(ICloudProfile profile, IClock clock, ILog log)
        {
            _profile = profile;
            _clock = clock;
            _log = log;
        }

        /// <summary>Why the last connect options or message could not be made; null when fine.</summary>
        public string LastError { get; private set; }

        public string[] Subscriptions
        {
            get { return _profile.SubscriptionFilters; }
        }

        /// <summary>
        /// Fills the options from the profile (signatures use the adapter's clock, which is the node's). When the
        /// credentials are unusable the options are left without a client id, so the link refuses them, and the
        /// reason is logged once per attempt.
        /// </summary>
        public void FillConnectOptions(MqttConnectOptions options, DateTime utcNow)
        {
            string error;
            if (!_profile.TryCreateConnectOptions(_clock, options, out error))
            {
                options.ClientId = null;
                Fail("cannot sign in to " + _profile.Name + ": " + error);
            }
        }

        public void Decode(string topic, byte[] payload, int offset, int count, NodeDownlink downlink)
        {
            downlink.Reset();
            Downlink decoded = _profile.Decode(topic, payload, offset, count);
            downlink.RequestId = decoded.RequestId == null ? "" : decoded.RequestId;
            downlink.ServiceId = decoded.ServiceId == null ? "" : decoded.ServiceId;
            downlink.CommandName = decoded.CommandName == null ? "" : decoded.CommandName;
            downlink.Error = decoded.ErrorDetail == null ? "" : decoded.ErrorDetail;
            foreach (object key in decoded.Parameters.Keys)
            {
                downlink.Paras[key] = decoded.Parameters[key];
            }

            // Requests keep their kind even when broken: the node must still answer them (with a failure).
            switch (decoded.Kind)
            {
                case DownlinkKind.Command:
                    downlink.Kind = Node.DownlinkKind.Command;
                    break;
                case DownlinkKind.PropertySet:
                    downlink.Kind = Node.DownlinkKind.PropertiesSet;
                    break;
                case DownlinkKind.PropertyGet:
                    downlink.Kind = Node.DownlinkKind.PropertiesGet;
                    break;
                case DownlinkKind.LedMessage:
                    downlink.Kind = decoded.IsOk ? Node.DownlinkKind.Message : Node.DownlinkKind.Unknown;
                    break;
                case DownlinkKind.TimeSync:
                    downlink.Kind = decoded.IsOk ? Node.DownlinkKind.TimeSync : Node.DownlinkKind.Unknown;
                    downlink.DeviceSendMs = decoded.DeviceSendTimeMs;
                    downlink.ServerRecvMs = decoded.ServerRecvTimeMs;
                    downlink.ServerSendMs = decoded.ServerSendTimeMs;
                    break;
                default:
                    downlink.Kind = Node.DownlinkKind.Unknown;
                    if (downlink.Error.Length == 0)
                    {
                        downlink.Error = decoded.Kind == DownlinkKind.ReportReply ? "report acknowledged" : "not a topic of " + _profile.Name;
                    }

                    break;
            }
        }

        public CloudMessage EncodeReport(NodeReport report)
        {
            return Message(_profile.ReportTopic, EncodeReportBody(report));
        }

        public CloudMessage EncodeCommandResponse(string requestId, CommandReply reply)
        {
            Downlink request = Request(Node.DownlinkKind.Command, requestId);
            if (reply.ResponseName != null && reply.ResponseName.Length > 0)
            {
                request.ResponseName = reply.ResponseName;
            }

            // IoTDA product models give command answers one "result" string: a failure's reason is the useful part.
            string text = reply.Find("reason");
            if (text == null)
            {
                text = reply.Find("result");
            }

            if (text == null)
            {
                text = reply.ResultCode == 0 ? "ok" : "error";
            }

            return Response(request, reply.ResultCode, text);
        }

        public CloudMessage EncodeSetResponse(string requestId, int resultCode, string description)
        {
            return Response(Request(Node.DownlinkKind.PropertiesSet, requestId), resultCode, description);
        }

        public CloudMessage EncodeGetResponse(string requestId, NodeReport report)
        {
            string topic = _profile.ResponseTopic(Request(Node.DownlinkKind.PropertiesGet, requestId));
            return Message(topic == null ? _profile.ReportTopic : topic, EncodeReportBody(report));
        }

        public CloudMessage EncodeTimeSyncRequest(long deviceSendMs, DateTime utcNow)
        {
            string topic = _profile.TimeSyncTopic;
            if (topic == null)
            {
                Fail(_profile.Name + " has no time sync");
                return Nothing();
            }

            return Message(topic, _profile.EncodeTimeSyncRequest(deviceSendMs, _buffer, 0, _buffer.Length));
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
                object value = report.ValueAt(i);
                if (value is int)
                {
                    encoder.AddInt(name, (int)value);
                }
                else if (value is long)
                {
                    encoder.AddInt(name, (long)value);
                }
                else if (value is double)
                {
                    double number = (double)value;
                    if (!double.IsNaN(number) && !double.IsInfinity(number))
                    {
                        encoder.AddDouble(name, number, Decimals); // a NaN reading is a failed one: left out
                    }
                }
                else if (value is bool)
                {
                    encoder.AddBool(name, (bool)value);
                }
                else
                {
                    encoder.AddString(name, value as string);
                }
            }

            encoder.EndService();
            return encoder.End();
        }

        private CloudMessage Response(Downlink request, int resultCode, string text)
        {
            string topic = _profile.ResponseTopic(request);
            if (topic == null)
            {
                Fail(_profile.Name + " cannot answer this request");
                return Nothing();
            }

            return Message(topic, _profile.EncodeResponse(request, resultCode, text, _buffer, 0, _buffer.Length));
        }

        // A request as the profile knows it, rebuilt from what the node kept (kind and request id).
        private static Downlink Request(Node.DownlinkKind kind, string requestId)
        {
            Downlink request = new Downlink();
            request.RequestId = requestId;
            request.Kind = kind == Node.DownlinkKind.Command ? DownlinkKind.Command
                : kind == Node.DownlinkKind.PropertiesSet ? DownlinkKind.PropertySet : DownlinkKind.PropertyGet;
            return request;
        }

        // Copies the encoded bytes out. A message that could not be encoded gets an empty topic, which every link
        // refuses as an invalid argument, so the node drops it instead of publishing half a message.
        private CloudMessage Message(string topic, int length)
        {
            if (length < 0)
            {
                Fail("message for " + topic + " could not be encoded");
                return Nothing();
            }

            LastError = null;
            byte[] payload = new byte[length];
            Array.Copy(_buffer, 0, payload, 0, length);
            return new CloudMessage(topic, payload);
        }

        private static CloudMessage Nothing()
        {
            return new CloudMessage("", new byte[0]);
        }

        private void Fail(string message)
        {
            LastError = message;
            if (_log.IsEnabled(LogLevel.Error))
            {
                _log.Write(LogLevel.Error, Source, message);
            }
        }
    }
}
