using System.Collections;
using StmNode.Json;
using StmNode.Ports;

namespace StmNode.Cloud
{
    /// <summary>Huawei Cloud IoTDA, the default cloud (protocols.md §1): secret authentication, system topics, IoTDA JSON.</summary>
    public sealed class HuaweiIotdaProfile : ICloudProfile
    {
        private readonly HuaweiIotdaSettings _settings;
        private readonly DeviceModel _model;
        private readonly HuaweiIotdaTopics _topics;
        private readonly string[] _filters;
        private readonly IotdaReportEncoder _reportEncoder = new IotdaReportEncoder();
        private readonly JsonWriter _writer = new JsonWriter();
        private readonly JsonReader _reader = new JsonReader();

        public HuaweiIotdaProfile(HuaweiIotdaSettings settings, DeviceModel model)
        {
            _settings = settings;
            _model = model;
            _topics = new HuaweiIotdaTopics(settings.DeviceId);
            _filters = new string[]
            {
                _topics.CommandsFilter, _topics.PropertiesSetFilter, _topics.PropertiesGetFilter, _topics.MessagesDown, _topics.EventsDown
            };
        }

        public string Name
        {
            get { return "huawei-iotda"; }
        }

        public HuaweiIotdaTopics Topics
        {
            get { return _topics; }
        }

        public string[] SubscriptionFilters
        {
            get { return _filters; }
        }

        public string ReportTopic
        {
            get { return _topics.PropertiesReport; }
        }

        public IReportEncoder ReportEncoder
        {
            get { return _reportEncoder; }
        }

        public string TimeSyncTopic
        {
            get { return _topics.EventsUp; }
        }

        public bool TryCreateConnectOptions(IClock clock, MqttConnectOptions options, out string error)
        {
            error = HuaweiIotdaCredentials.ValidateDeviceId(_settings.DeviceId);
            if (error == null)
            {
                error = CheckSettings(clock);
            }

            if (error != null)
            {
                return false;
            }

            string timestamp = HuaweiIotdaCredentials.FormatTimestamp(clock.UtcNow);
            options.Host = _settings.Host;
            options.Port = _settings.Port;
            options.UseTls = _settings.UseTls;
            options.ClientId = HuaweiIotdaCredentials.ClientId(_settings.DeviceId, _settings.SignType, timestamp);
            options.Username = _settings.DeviceId;
            options.Password = HuaweiIotdaCredentials.Password(_settings.Secret, timestamp);
            options.KeepAliveSeconds = _settings.KeepAliveSeconds;
            options.CleanSession = true;
            return true;
        }

        public Downlink Decode(string topic, byte[] payload, int offset, int count)
        {
            Downlink downlink = new Downlink();
            if (topic == _topics.MessagesDown)
            {
                downlink.Kind = DownlinkKind.LedMessage;
                Decode(downlink, payload, offset, count);
                return downlink;
            }

            if (topic == _topics.EventsDown)
            {
                // Only time sync is handled; other platform events (OTA, SDK info) stay Unknown.
                Hashtable body = CloudJson.ParseObject(_reader, payload, offset, count, downlink);
                if (body != null)
                {
                    IotdaBodies.DecodeTimeSync(body, downlink);
                }

                return downlink;
            }

            downlink.Kind = RequestKind(topic, downlink);
            if (downlink.Kind != DownlinkKind.Unknown)
            {
                Decode(downlink, payload, offset, count);
            }

            return downlink;
        }

        public string ResponseTopic(Downlink request)
        {
            if (request.RequestId == null)
            {
                return null;
            }

            switch (request.Kind)
            {
                case DownlinkKind.Command:
                    return _topics.CommandResponse(request.RequestId);
                case DownlinkKind.PropertySet:
                    return _topics.PropertiesSetResponse(request.RequestId);
                case DownlinkKind.PropertyGet:
                    return _topics.PropertiesGetResponse(request.RequestId);
                default:
                    return null;
            }
        }

        public int EncodeReply(Downlink request, Reply reply, byte[] buffer, int offset, int capacity)
        {
            _writer.Reset(buffer, offset, capacity);
            if (request.Kind == DownlinkKind.Command)
            {
                IotdaBodies.WriteCommandResponse(_writer, request.ResponseName, reply);
            }
            else if (request.Kind == DownlinkKind.PropertySet)
            {
                IotdaBodies.WritePropertySetResponse(_writer, reply);
            }
            else
            {
                return -1;
            }

            return IotdaBodies.Finish(_writer);
        }

        public int EncodeTimeSyncRequest(long deviceSendTimeMs, byte[] buffer, int offset, int capacity)
        {
            _writer.Reset(buffer, offset, capacity);
            IotdaBodies.WriteTimeSyncRequest(_writer, _settings.DeviceId, deviceSendTimeMs);
            return IotdaBodies.Finish(_writer);
        }

        // Command and property set/get topics end in "request_id={id}"; the id is kept for the answer.
        private DownlinkKind RequestKind(string topic, Downlink downlink)
        {
            downlink.RequestId = TopicText.Between(topic, _topics.CommandRequestPrefix, "");
            if (downlink.RequestId != null)
            {
                return DownlinkKind.Command;
            }

            downlink.RequestId = TopicText.Between(topic, _topics.PropertiesSetRequestPrefix, "");
            if (downlink.RequestId != null)
            {
                return DownlinkKind.PropertySet;
            }

            downlink.RequestId = TopicText.Between(topic, _topics.PropertiesGetRequestPrefix, "");
            return downlink.RequestId != null ? DownlinkKind.PropertyGet : DownlinkKind.Unknown;
        }

        // Parses the body and hands it to the decoder for the kind the topic gave.
        private void Decode(Downlink downlink, byte[] payload, int offset, int count)
        {
            Hashtable body = CloudJson.ParseObject(_reader, payload, offset, count, downlink);
            if (body == null)
            {
                return;
            }

            switch (downlink.Kind)
            {
                case DownlinkKind.LedMessage:
                    IotdaBodies.DecodeLedMessage(body, _model, downlink);
                    break;
                case DownlinkKind.Command:
                    IotdaBodies.DecodeCommand(body, _model, downlink);
                    break;
                case DownlinkKind.PropertySet:
                    IotdaBodies.DecodePropertySet(body, _model, downlink);
                    break;
                default:
                    IotdaBodies.DecodePropertyGet(body, downlink);
                    break;
            }
        }

        private string CheckSettings(IClock clock)
        {
            if (_settings.Secret == null || _settings.Secret.Length == 0)
            {
                return "device secret is empty";
            }

            if (_settings.Host == null || _settings.Host.Length == 0)
            {
                return "host is empty";
            }

            if (_settings.SignType != 0 && _settings.SignType != 1)
            {
                return "sign type must be 0 or 1";
            }

            if (_settings.SignType == 1 && !clock.IsUtcValid)
            {
                return "sign type 1 needs a set clock (use 0 until time sync)";
            }

            if (_settings.KeepAliveSeconds < 30 || _settings.KeepAliveSeconds > 1200)
            {
                return "keep-alive must be 30..1200 s";
            }

            return null;
        }
    }
}
