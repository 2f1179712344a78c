using System.Collections;
using System.Text;
using StmNode.Cloud;
using StmNode.Node;
using StmNode.Ports;

namespace StmNode.Tests.Fakes
{
    /// <summary>
    /// A readable stand-in cloud profile for node tests, so they check the node's decisions rather than JSON. It checks
    /// downlinks against its device model (the node's unless given another) as the real profiles do.
    /// Downlinks: "cmd/ID" with "NAME k=v k=v", "set/ID" with "[@service] k=v", "get/ID", "msg" with "k=v",
    /// "time" with "deviceSend serverRecv serverSend". Uplinks: "report" → "service|eventTime|k=v;k=v",
    /// "cmd-rsp/ID" → "code|responseName|result=text;k=v;…", "set-rsp/ID" → "code|text", "get-rsp/ID" (a report),
    /// "time-req" → device ms. Values: true/false → bool, digits → long, with a dot → double, else string.
    /// </summary>
    public sealed class FakeCloud : ICloudProfile
    {
        private static readonly string[] Filters = new string[] { "cmd/#", "set/#", "get/#", "msg", "time" };

        private readonly DeviceModel _model;
        private readonly FakeReportEncoder _encoder = new FakeReportEncoder();

        public FakeCloud()
            : this(Stm32Service.CreateDeviceModel())
        {
        }

        public FakeCloud(DeviceModel model)
        {
            _model = model;
        }

        /// <summary>When set, connects are refused with this credential error.</summary>
        public string CredentialError;

        public string Name
        {
            get { return "fake"; }
        }

        public string[] SubscriptionFilters
        {
            get { return Filters; }
        }

        public string ReportTopic
        {
            get { return "report"; }
        }

        public IReportEncoder ReportEncoder
        {
            get { return _encoder; }
        }

        public string TimeSyncTopic
        {
            get { return "time-req"; }
        }

        public bool TryCreateConnectOptions(IClock clock, MqttConnectOptions options, out string error)
        {
            error = CredentialError;
            options.Host = "broker.test";
            options.Port = 8883;
            options.UseTls = true;
            options.ClientId = "node_0_0_2026010100";
            options.Username = "node";
            options.Password = "computed-secret";
            return error == null;
        }

        public Downlink Decode(string topic, byte[] payload, int offset, int count)
        {
            Downlink downlink = new Downlink();
            string text = Encoding.UTF8.GetString(payload, offset, count);
            string[] words = text.Length == 0 ? new string[0] : text.Split(new char[] { ' ' });
            if (topic.IndexOf("cmd/") == 0 && words.Length > 0)
            {
                downlink.Kind = DownlinkKind.Command;
                downlink.RequestId = topic.Substring(4);
                downlink.CommandName = words[0];
                CommandSpec command = _model.FindCommand(words[0]);
                if (command == null && !_model.IsPassThrough)
                {
                    downlink.Fail(DownlinkError.UnknownCommand, "command " + words[0] + " is not known");
                }
                else
                {
                    downlink.ResponseName = command == null ? null : command.ResponseName;
                    Check(words, 1, command == null ? null : command.Parameters, downlink);
                }
            }
            else if (topic.IndexOf("set/") == 0)
            {
                downlink.Kind = DownlinkKind.PropertySet;
                downlink.RequestId = topic.Substring(4);
                int first = 0;
                if (words.Length > 0 && words[0].Length > 1 && words[0][0] == '@')
                {
                    downlink.ServiceId = words[0].Substring(1);
                    first = 1;
                }

                if (downlink.ServiceId != null && _model.ServiceId != null && downlink.ServiceId != _model.ServiceId)
                {
                    downlink.Fail(DownlinkError.UnknownField, "service " + downlink.ServiceId + " is not writable");
                }
                else
                {
                    Check(words, first, _model.WritableProperties, downlink);
                }
            }
            else if (topic.IndexOf("get/") == 0)
            {
                downlink.Kind = DownlinkKind.PropertyGet;
                downlink.RequestId = topic.Substring(4);
            }
            else if (topic == "msg")
            {
                downlink.Kind = DownlinkKind.LedMessage;
                Check(words, 0, _model.WritableProperties, downlink);
            }
            else if (topic == "time" && words.Length == 3)
            {
                downlink.Kind = DownlinkKind.TimeSync;
                downlink.DeviceSendTimeMs = long.Parse(words[0]);
                downlink.ServerRecvTimeMs = long.Parse(words[1]);
                downlink.ServerSendTimeMs = long.Parse(words[2]);
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
                    return "cmd-rsp/" + request.RequestId;
                case DownlinkKind.PropertySet:
                    return "set-rsp/" + request.RequestId;
                case DownlinkKind.PropertyGet:
                    return "get-rsp/" + request.RequestId;
                default:
                    return null;
            }
        }

        public int EncodeReply(Downlink request, Reply reply, byte[] buffer, int offset, int capacity)
        {
            StringBuilder text = new StringBuilder();
            text.Append(reply.ResultCode.ToString()).Append('|');
            if (request.Kind == DownlinkKind.Command)
            {
                text.Append(request.ResponseName).Append("|result=").Append(reply.Text);
                for (int i = 0; i < reply.Count; i++)
                {
                    object value = reply.ValueAt(i);
                    text.Append(';').Append(reply.NameAt(i)).Append('=').Append(value is long ? ((long)value).ToString() : (string)value);
                }
            }
            else if (request.Kind == DownlinkKind.PropertySet)
            {
                text.Append(reply.Text);
            }
            else
            {
                return -1;
            }

            return FakeReportEncoder.Copy(text.ToString(), buffer, offset, capacity);
        }

        public int EncodeTimeSyncRequest(long deviceSendTimeMs, byte[] buffer, int offset, int capacity)
        {
            return FakeReportEncoder.Copy(deviceSendTimeMs.ToString(), buffer, offset, capacity);
        }

        // Reads "k=v" words and checks them against the specs, as a real profile checks its JSON.
        private static void Check(string[] words, int first, ParameterSpec[] specs, Downlink downlink)
        {
            Hashtable values = new Hashtable();
            for (int i = first; i < words.Length; i++)
            {
                int equals = words[i].IndexOf('=');
                if (equals <= 0)
                {
                    downlink.Fail(DownlinkError.MalformedJson, "bad parameter '" + words[i] + "'");
                    return;
                }

                values[words[i].Substring(0, equals)] = ParseValue(words[i].Substring(equals + 1));
            }

            ParameterChecker.Check(values, specs, downlink);
        }

        private static object ParseValue(string text)
        {
            if (text == "true" || text == "false")
            {
                return text == "true";
            }

            bool digits = text.Length > 0;
            bool dot = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '.' && !dot)
                {
                    dot = true;
                }
                else if (!(c >= '0' && c <= '9') && !(c == '-' && i == 0))
                {
                    digits = false;
                }
            }

            if (!digits)
            {
                return text;
            }

            return dot ? (object)double.Parse(text) : (object)long.Parse(text);
        }
    }
}
