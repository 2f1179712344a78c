using System.Collections;
using StmNode.Json;
using StmNode.Ports;

namespace StmNode.Cloud
{
    /// <summary>
    /// Alibaba Cloud IoT over Alink (protocols.md §2): property post (+ post_reply), property set (+ set_reply) and
    /// asynchronous service calls checked against the device model's commands. Alink has no time-sync event here.
    /// </summary>
    public sealed class AliyunProfile : ICloudProfile
    {
        /// <summary>Alink's success code; failures use 460 (parameter error) unless the node gives a code of 100 or more.</summary>
        public const int SuccessCode = 200;
        public const int ParameterErrorCode = 460;

        private readonly AliyunSettings _settings;
        private readonly DeviceModel _model;
        private readonly AliyunTopics _topics;
        private readonly string[] _filters;
        private readonly AlinkReportEncoder _reportEncoder;
        private readonly JsonWriter _writer = new JsonWriter();
        private readonly JsonReader _reader = new JsonReader();

        public AliyunProfile(AliyunSettings settings, DeviceModel model)
        {
            _settings = settings;
            _model = model;
            _topics = new AliyunTopics(settings.ProductKey, settings.DeviceName);
            _filters = new string[] { _topics.PropertyPostReply, _topics.PropertySet, _topics.ServiceFilter };
            _reportEncoder = new AlinkReportEncoder(settings.RequestReplies);
        }

        public string Name
        {
            get { return "aliyun"; }
        }

        public AliyunTopics Topics
        {
            get { return _topics; }
        }

        public string[] SubscriptionFilters
        {
            get { return _filters; }
        }

        public string ReportTopic
        {
            get { return _topics.PropertyPost; }
        }

        public IReportEncoder ReportEncoder
        {
            get { return _reportEncoder; }
        }

        public string TimeSyncTopic
        {
            get { return null; }
        }

        public bool TryCreateConnectOptions(IClock clock, MqttConnectOptions options, out string error)
        {
            error = AliyunCredentials.Validate("product key", _settings.ProductKey);
            if (error == null)
            {
                error = AliyunCredentials.Validate("device name", _settings.DeviceName);
            }

            if (error == null)
            {
                error = CheckSettings();
            }

            if (error != null)
            {
                return false;
            }

            string timestamp = AliyunCredentials.ToUnixMilliseconds(clock.UtcNow).ToString();
            options.Host = _settings.Host;
            options.Port = _settings.Port;
            options.UseTls = _settings.UseTls;
            options.ClientId = AliyunCredentials.ClientId(_settings.ProductKey, _settings.DeviceName, _settings.UseTls, timestamp);
            options.Username = AliyunCredentials.Username(_settings.ProductKey, _settings.DeviceName);
            options.Password = AliyunCredentials.Password(_settings.ProductKey, _settings.DeviceName, _settings.DeviceSecret, timestamp);
            options.KeepAliveSeconds = _settings.KeepAliveSeconds;
            options.CleanSession = true;
            return true;
        }

        public Downlink Decode(string topic, byte[] payload, int offset, int count)
        {
            Downlink downlink = new Downlink();
            if (topic == _topics.PropertyPostReply)
            {
                downlink.Kind = DownlinkKind.ReportReply;
            }
            else if (topic == _topics.PropertySet)
            {
                downlink.Kind = DownlinkKind.PropertySet;
            }
            else
            {
                // A service call, unless it is the echo of one of our own "…_reply" publications.
                downlink.CommandName = TopicText.Between(topic, _topics.ServicePrefix, "");
                if (downlink.CommandName == null || TopicText.EndsWith(downlink.CommandName, "_reply"))
                {
                    downlink.CommandName = null;
                    return downlink;
                }

                downlink.Kind = DownlinkKind.Command;
            }

            Hashtable body = CloudJson.ParseObject(_reader, payload, offset, count, downlink);
            if (body == null)
            {
                return downlink;
            }

            downlink.RequestId = ReadId(body, downlink);
            switch (downlink.Kind)
            {
                case DownlinkKind.ReportReply:
                    DecodeReply(body, downlink);
                    break;
                case DownlinkKind.PropertySet:
                    ParameterChecker.Check(CloudJson.GetObject(body, "params", true, downlink), _model.WritableProperties, downlink);
                    break;
                default:
                    DecodeServiceCall(body, downlink);
                    break;
            }

            return downlink;
        }

        public string ResponseTopic(Downlink request)
        {
            if (request.RequestId == null)
            {
                return null;
            }

            if (request.Kind == DownlinkKind.PropertySet)
            {
                return _topics.PropertySetReply;
            }

            return request.Kind == DownlinkKind.Command ? _topics.ServiceReply(request.CommandName) : null;
        }

        // A service reply's "data" is the service's output: the reply's parameters. A property set has none.
        public int EncodeReply(Downlink request, Reply reply, byte[] buffer, int offset, int capacity)
        {
            if (ResponseTopic(request) == null)
            {
                return -1;
            }

            int code = reply.ResultCode == 0 ? SuccessCode : (reply.ResultCode >= 100 ? reply.ResultCode : ParameterErrorCode);
            _writer.Reset(buffer, offset, capacity);
            _writer.BeginObject();
            _writer.WriteString("id", request.RequestId);
            _writer.WriteLong("code", code);
            _writer.WriteName("data");
            _writer.BeginObject();
            if (request.Kind == DownlinkKind.Command)
            {
                reply.WriteParameters(_writer);
            }

            _writer.EndObject();
            if (code != SuccessCode && reply.Text != null)
            {
                _writer.WriteString("message", reply.Text);
            }

            _writer.EndObject();
            return IotdaBodies.Finish(_writer);
        }

        public int EncodeTimeSyncRequest(long deviceSendTimeMs, byte[] buffer, int offset, int capacity)
        {
            return -1;
        }

        // Alink ids are digit strings; a numeric id is accepted and kept as its text.
        private static string ReadId(Hashtable body, Downlink downlink)
        {
            object id = body["id"];
            if (id is long)
            {
                return ((long)id).ToString();
            }

            return CloudJson.GetString(body, "id", true, downlink);
        }

        private static void DecodeReply(Hashtable body, Downlink downlink)
        {
            long code = CloudJson.GetLong(body, "code", true, downlink);
            if (downlink.IsOk && code != SuccessCode)
            {
                string message = body["message"] as string;
                downlink.Fail(DownlinkError.Rejected, "code " + code.ToString() + (message == null ? "" : ": " + message));
            }
        }

        private void DecodeServiceCall(Hashtable body, Downlink downlink)
        {
            CommandSpec command = _model.FindCommand(downlink.CommandName);
            if (command == null && !_model.IsPassThrough)
            {
                downlink.Fail(DownlinkError.UnknownCommand, "command " + downlink.CommandName + " is not known");
                return;
            }

            Hashtable parameters = CloudJson.GetObject(body, "params", false, downlink);
            if (downlink.IsOk)
            {
                ParameterChecker.Check(parameters, command == null ? null : command.Parameters, downlink);
            }
        }

        private string CheckSettings()
        {
            if (_settings.DeviceSecret == null || _settings.DeviceSecret.Length == 0)
            {
                return "device secret is empty";
            }

            if (_settings.Host == null || _settings.Host.Length == 0)
            {
                return "host is empty";
            }

            if (_settings.KeepAliveSeconds < 30 || _settings.KeepAliveSeconds > 1200)
            {
                return "keep-alive must be 30..1200 s";
            }

            return null;
        }
    }
}
