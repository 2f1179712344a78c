using System.Collections;
using StmNode.Json;
using StmNode.Ports;

namespace StmNode.Cloud
{
    /// <summary>
    /// A plain MQTT broker with configurable topics. Bodies are IoTDA's (report, command, command response), so
    /// the same tools read them; a message on the command topic without "command_name" is taken as a LED message.
    /// No property set/get and no time sync.
    /// </summary>
    public sealed class GenericMqttProfile : ICloudProfile
    {
        private readonly GenericMqttSettings _settings;
        private readonly DeviceModel _model;
        private readonly TopicTemplate _report;
        private readonly TopicTemplate _command;
        private readonly TopicTemplate _response;
        private readonly string[] _filters;
        private readonly IotdaReportEncoder _reportEncoder = new IotdaReportEncoder();
        private readonly JsonWriter _writer = new JsonWriter();
        private readonly JsonReader _reader = new JsonReader();

        public GenericMqttProfile(GenericMqttSettings settings, DeviceModel model)
        {
            _settings = settings;
            _model = model;
            _report = new TopicTemplate(settings.ReportTopic, settings.DeviceId);
            _command = new TopicTemplate(settings.CommandTopic, settings.DeviceId);
            _response = new TopicTemplate(settings.ResponseTopic, settings.DeviceId);
            _filters = new string[] { _command.Filter };
        }

        public string Name
        {
            get { return "generic"; }
        }

        public string[] SubscriptionFilters
        {
            get { return _filters; }
        }

        public string ReportTopic
        {
            get { return _report.Format(""); }
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
            error = CheckSettings();
            if (error != null)
            {
                return false;
            }

            options.Host = _settings.Host;
            options.Port = _settings.Port;
            options.UseTls = _settings.UseTls;
            options.ClientId = _settings.ClientId == null || _settings.ClientId.Length == 0 ? _settings.DeviceId : _settings.ClientId;
            options.Username = _settings.Username;
            options.Password = _settings.Password;
            options.KeepAliveSeconds = _settings.KeepAliveSeconds;
            options.CleanSession = true;
            return true;
        }

        public Downlink Decode(string topic, byte[] payload, int offset, int count)
        {
            Downlink downlink = new Downlink();
            string requestId = _command.Match(topic);
            if (requestId == null)
            {
                return downlink;
            }

            downlink.Kind = DownlinkKind.Command;
            downlink.RequestId = requestId;
            Hashtable body = CloudJson.ParseObject(_reader, payload, offset, count, downlink);
            if (body == null)
            {
                return downlink;
            }

            if (body.Contains("command_name"))
            {
                IotdaBodies.DecodeCommand(body, _model, downlink);
            }
            else
            {
                downlink.RequestId = null;
                IotdaBodies.DecodeLedMessage(body, _model, downlink);
            }

            return downlink;
        }

        public string ResponseTopic(Downlink request)
        {
            return request.Kind == DownlinkKind.Command && request.RequestId != null ? _response.Format(request.RequestId) : null;
        }

        public int EncodeReply(Downlink request, Reply reply, byte[] buffer, int offset, int capacity)
        {
            if (ResponseTopic(request) == null)
            {
                return -1;
            }

            _writer.Reset(buffer, offset, capacity);
            IotdaBodies.WriteCommandResponse(_writer, request.ResponseName, reply);
            return IotdaBodies.Finish(_writer);
        }

        public int EncodeTimeSyncRequest(long deviceSendTimeMs, byte[] buffer, int offset, int capacity)
        {
            return -1;
        }

        private string CheckSettings()
        {
            string error = HuaweiIotdaCredentials.ValidateDeviceId(_settings.DeviceId);
            if (error != null)
            {
                return error;
            }

            if (_settings.Host == null || _settings.Host.Length == 0)
            {
                return "host is empty";
            }

            if (_settings.KeepAliveSeconds < 0 || _settings.KeepAliveSeconds > 65535)
            {
                return "keep-alive must be 0..65535 s";
            }

            if (_report.Error != null)
            {
                return "report " + _report.Error;
            }

            if (_report.HasRequestId)
            {
                return "report topic cannot use {request_id}";
            }

            if (_command.Error != null)
            {
                return "command " + _command.Error;
            }

            return _response.Error != null ? "response " + _response.Error : null;
        }
    }
}
