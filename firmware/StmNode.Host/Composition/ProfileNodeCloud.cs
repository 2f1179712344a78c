using System;
using System.Collections;
using System.Runtime.CompilerServices;
using StmNode.Cloud;
using StmNode.Node;
using StmNode.Ports;

namespace StmNode.Host.Composition
{
    /// <summary>
    /// Joins Core's two halves: the node speaks <see cref="INodeCloud"/>, the clouds are <see cref="ICloudProfile"/>s.
    /// This adapter only moves values between the two shapes (both use the device model's names); every decision stays
    /// in the node and every byte on the wire comes from the profile. It also labels what it encodes, so the host can
    /// count reports and command answers without parsing them.
    /// </summary>
    public sealed class ProfileNodeCloud : INodeCloud
    {
        private const int InitialBufferBytes = 4096;
        private const int MaxBufferBytes = 256 * 1024;

        private readonly ICloudProfile _profile;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly ConditionalWeakTable<byte[], UplinkLabel> _labels = new ConditionalWeakTable<byte[], UplinkLabel>();
        private byte[] _buffer = new byte[InitialBufferBytes];
        private Downlink _lastRequest;

        public ProfileNodeCloud(ICloudProfile profile, IClock clock, ILog log)
        {
            _profile = profile ?? throw new ArgumentNullException(nameof(profile));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _log = log ?? throw new ArgumentNullException(nameof(log));
        }

        public ICloudProfile Profile => _profile;

        public string[] Subscriptions => _profile.SubscriptionFilters;

        /// <summary>What a payload this adapter produced is (by reference), or null for any other array.</summary>
        public UplinkLabel LabelOf(byte[] payload) =>
            payload != null && _labels.TryGetValue(payload, out UplinkLabel label) ? label : null;

        public bool FillConnectOptions(MqttConnectOptions options, out string error)
        {
            // The profile signs with the clock's time.
            if (!_profile.TryCreateConnectOptions(_clock, options, out error))
            {
                Log(LogLevel.Error, "cannot log in to " + _profile.Name + ": " + error);
                return false;
            }

            return true;
        }

        public void Decode(string topic, byte[] payload, int offset, int count, NodeDownlink downlink)
        {
            downlink.Reset();
            Downlink message = _profile.Decode(topic, payload, offset, count);
            if (message.NeedsResponse)
            {
                _lastRequest = message;
                downlink.RequestId = message.RequestId ?? "";
                downlink.ServiceId = message.ServiceId ?? "";
            }

            switch (message.Kind)
            {
                case Cloud.DownlinkKind.Command:
                    downlink.Kind = NodeMessageKind.Command;
                    if (message.IsOk)
                    {
                        downlink.CommandName = message.CommandName;
                        CopyParameters(message, downlink);
                    }
                    else
                    {
                        // No command name: the node answers with a failure, and the answer carries the decoder's reason.
                        downlink.CommandName = "";
                    }

                    break;
                case Cloud.DownlinkKind.PropertySet:
                    downlink.Kind = NodeMessageKind.PropertiesSet;
                    if (message.IsOk)
                    {
                        CopyParameters(message, downlink);
                    }

                    break;
                case Cloud.DownlinkKind.PropertyGet:
                    downlink.Kind = NodeMessageKind.PropertiesGet;
                    break;
                case Cloud.DownlinkKind.LedMessage when message.IsOk:
                    downlink.Kind = NodeMessageKind.Message;
                    CopyParameters(message, downlink);
                    break;
                case Cloud.DownlinkKind.TimeSync when message.IsOk:
                    downlink.Kind = NodeMessageKind.TimeSync;
                    downlink.DeviceSendMs = message.DeviceSendTimeMs;
                    downlink.ServerRecvMs = message.ServerRecvTimeMs;
                    downlink.ServerSendMs = message.ServerSendTimeMs;
                    break;
                default:
                    downlink.Kind = NodeMessageKind.Unknown;
                    downlink.Error = message.ErrorDetail ?? "not a message this node handles";
                    break;
            }
        }

        public CloudMessage EncodeReport(NodeReport report)
        {
            byte[] body = EncodeBody(report);
            return Label(new CloudMessage(_profile.ReportTopic, body), UplinkKind.Report, report.ServiceId);
        }

        public CloudMessage EncodeCommandResponse(string requestId, CommandReply reply)
        {
            Downlink request = RequestFor(requestId, Cloud.DownlinkKind.Command);
            string text = request.IsOk ? ReplyText(reply) : request.ErrorDetail;
            int code = request.IsOk ? reply.ResultCode : Math.Max(1, reply.ResultCode);
            return LabelUnlessSuppressed(Response(request, code, text), UplinkKind.CommandResponse, request.CommandName);
        }

        public CloudMessage EncodeSetResponse(string requestId, int resultCode, string description)
        {
            Downlink request = RequestFor(requestId, Cloud.DownlinkKind.PropertySet);
            string text = request.IsOk ? description : request.ErrorDetail;
            int code = request.IsOk ? resultCode : Math.Max(1, resultCode);
            return LabelUnlessSuppressed(Response(request, code, text), UplinkKind.SetResponse, null);
        }

        public CloudMessage EncodeGetResponse(string requestId, NodeReport report)
        {
            Downlink request = RequestFor(requestId, Cloud.DownlinkKind.PropertyGet);
            string topic = _profile.ResponseTopic(request) ?? _profile.ReportTopic;
            return Label(new CloudMessage(topic, EncodeBody(report)), UplinkKind.GetResponse, report.ServiceId);
        }

        public CloudMessage EncodeTimeSyncRequest(long deviceSendMs)
        {
            string topic = _profile.TimeSyncTopic;
            byte[] body = topic == null ? null : Encode((buffer, capacity) => _profile.EncodeTimeSyncRequest(deviceSendMs, buffer, 0, capacity));
            if (body == null)
            {
                // A cloud without time sync: the host does not send the request, and the node keeps its PC clock.
                Log(LogLevel.Debug, _profile.Name + " has no time sync; request not sent");
                return Label(new CloudMessage(_profile.ReportTopic, new byte[0]), UplinkKind.Suppressed, "time sync");
            }

            return Label(new CloudMessage(topic, body), UplinkKind.TimeSync, null);
        }

        // The profile already checked names and values against the device model.
        private static void CopyParameters(Downlink message, NodeDownlink downlink)
        {
            foreach (DictionaryEntry entry in message.Parameters)
            {
                downlink.Paras[(string)entry.Key] = entry.Value;
            }
        }

        private static string ReplyText(CommandReply reply)
        {
            string reason = reply.Find("reason");
            if (reason != null)
            {
                return reason;
            }

            return reply.Find("result") ?? (reply.ResultCode == 0 ? "success" : "error");
        }

        private Downlink RequestFor(string requestId, Cloud.DownlinkKind kind)
        {
            Downlink last = _lastRequest;
            if (last != null && last.Kind == kind && last.RequestId == requestId)
            {
                return last;
            }

            // The node answers right after decoding, so this only happens for a request the profile never produced.
            return new Downlink { Kind = kind, RequestId = requestId };
        }

        private CloudMessage Response(Downlink request, int code, string text)
        {
            string topic = _profile.ResponseTopic(request);
            byte[] body = Encode((buffer, capacity) => _profile.EncodeResponse(request, code, text, buffer, 0, capacity));
            if (topic == null || body == null)
            {
                Log(LogLevel.Warning, "cannot answer request '" + request.RequestId + "' on " + _profile.Name);
                return Label(new CloudMessage(topic ?? _profile.ReportTopic, new byte[0]), UplinkKind.Suppressed, "answer");
            }

            return new CloudMessage(topic, body);
        }

        private byte[] EncodeBody(NodeReport report)
        {
            byte[] body = Encode((buffer, capacity) =>
            {
                IReportEncoder encoder = _profile.ReportEncoder;
                encoder.Begin(buffer, 0, capacity);
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
                    switch (report.ValueAt(i))
                    {
                        case int number:
                            encoder.AddInt(name, number);
                            break;
                        case double fraction:
                            encoder.AddDouble(name, fraction, 1);
                            break;
                        case bool flag:
                            encoder.AddBool(name, flag);
                            break;
                        case string text:
                            encoder.AddString(name, text);
                            break;
                    }
                }

                encoder.EndService();
                return encoder.End();
            });

            if (body == null)
            {
                Log(LogLevel.Error, "report of " + report.ServiceId + " could not be encoded");
                return new byte[0];
            }

            return body;
        }

        // Encodes into the scratch buffer (doubling it when too small) and returns an exact-size copy, or null.
        private byte[] Encode(Func<byte[], int, int> write)
        {
            while (true)
            {
                int length = write(_buffer, _buffer.Length);
                if (length >= 0)
                {
                    byte[] body = new byte[length];
                    Array.Copy(_buffer, body, length);
                    return body;
                }

                if (_buffer.Length >= MaxBufferBytes)
                {
                    return null;
                }

                _buffer = new byte[_buffer.Length * 2];
            }
        }

        private CloudMessage Label(CloudMessage message, UplinkKind kind, string detail)
        {
            _labels.AddOrUpdate(message.Payload, new UplinkLabel(kind, detail));
            return message;
        }

        private CloudMessage LabelUnlessSuppressed(CloudMessage message, UplinkKind kind, string detail)
        {
            UplinkLabel label = LabelOf(message.Payload);
            return label != null && label.Kind == UplinkKind.Suppressed ? message : Label(message, kind, detail);
        }

        private void Log(LogLevel level, string message)
        {
            if (_log.IsEnabled(level))
            {
                _log.Write(level, "Cloud", message);
            }
        }
    }
}
