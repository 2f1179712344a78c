using System;
using System.Text;
using StmNode.Node;
using StmNode.Ports;

namespace StmNode.Tests.Fakes
{
    /// <summary>
    /// A readable stand-in cloud profile for node tests, so they check the node's decisions rather than JSON.
    /// Downlinks: "cmd/ID" with "NAME k=v k=v", "set/ID" with "[@service] k=v", "get/ID", "msg" with "k=v",
    /// "time" with "deviceSend serverRecv serverSend". Uplinks: "report" → "service|eventTime|k=v;k=v",
    /// "cmd-rsp/ID" → "code|name|k=v;…", "set-rsp/ID" → "code|description", "get-rsp/ID", "time-req" → device ms.
    /// Values: true/false → bool, digits → long, with a dot → double, else string; doubles print with one decimal.
    /// </summary>
    public sealed class FakeCloud : INodeCloud
    {
        private static readonly string[] Filters = new string[] { "cmd/#", "set/#", "get/#", "msg", "time" };

        public string[] Subscriptions
        {
            get { return Filters; }
        }

        /// <summary>When set, connects are refused with this credential error.</summary>
        public string CredentialError;

        public bool FillConnectOptions(MqttConnectOptions options, out string error)
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

        public void Decode(string topic, byte[] payload, int offset, int count, NodeDownlink downlink)
        {
            downlink.Reset();
            string text = Encoding.UTF8.GetString(payload, offset, count);
            string[] words = text.Length == 0 ? new string[0] : text.Split(new char[] { ' ' });
            if (topic.IndexOf("cmd/") == 0 && words.Length > 0)
            {
                downlink.Kind = NodeMessageKind.Command;
                downlink.RequestId = topic.Substring(4);
                downlink.CommandName = words[0];
                AddParas(words, 1, downlink);
            }
            else if (topic.IndexOf("set/") == 0)
            {
                downlink.Kind = NodeMessageKind.PropertiesSet;
                downlink.RequestId = topic.Substring(4);
                int first = 0;
                if (words.Length > 0 && words[0].Length > 1 && words[0][0] == '@')
                {
                    downlink.ServiceId = words[0].Substring(1);
                    first = 1;
                }

                AddParas(words, first, downlink);
            }
            else if (topic.IndexOf("get/") == 0)
            {
                downlink.Kind = NodeMessageKind.PropertiesGet;
                downlink.RequestId = topic.Substring(4);
            }
            else if (topic == "msg")
            {
                downlink.Kind = NodeMessageKind.Message;
                AddParas(words, 0, downlink);
            }
            else if (topic == "time" && words.Length == 3)
            {
                downlink.Kind = NodeMessageKind.TimeSync;
                downlink.DeviceSendMs = long.Parse(words[0]);
                downlink.ServerRecvMs = long.Parse(words[1]);
                downlink.ServerSendMs = long.Parse(words[2]);
            }
            else
            {
                downlink.Error = "not understood";
            }

            // Like a real profile: a broken request keeps its kind and id so it can be answered with the failure.
            if (downlink.Error.Length > 0 && downlink.Kind != NodeMessageKind.Command && downlink.Kind != NodeMessageKind.PropertiesSet)
            {
                downlink.Kind = NodeMessageKind.Unknown;
            }
        }

        public CloudMessage EncodeReport(NodeReport report)
        {
            return Message("report", ReportText(report));
        }

        public CloudMessage EncodeCommandResponse(string requestId, CommandReply reply)
        {
            StringBuilder text = new StringBuilder();
            text.Append(reply.ResultCode.ToString()).Append('|').Append(reply.ResponseName).Append('|');
            for (int i = 0; i < reply.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(';');
                }

                text.Append(reply.NameAt(i)).Append('=').Append(reply.ValueAt(i));
            }

            return Message("cmd-rsp/" + requestId, text.ToString());
        }

        public CloudMessage EncodeSetResponse(string requestId, int resultCode, string description)
        {
            return Message("set-rsp/" + requestId, resultCode.ToString() + "|" + description);
        }

        public CloudMessage EncodeGetResponse(string requestId, NodeReport report)
        {
            return Message("get-rsp/" + requestId, ReportText(report));
        }

        public CloudMessage EncodeTimeSyncRequest(long deviceSendMs)
        {
            return Message("time-req", deviceSendMs.ToString());
        }

        /// <summary>The event time as IoTDA writes it (yyyyMMddTHHmmssZ).</summary>
        public static string FormatTime(DateTime utc)
        {
            return utc.Year.ToString("D4") + utc.Month.ToString("D2") + utc.Day.ToString("D2") + "T"
                + utc.Hour.ToString("D2") + utc.Minute.ToString("D2") + utc.Second.ToString("D2") + "Z";
        }

        private static string ReportText(NodeReport report)
        {
            StringBuilder text = new StringBuilder();
            text.Append(report.ServiceId).Append('|').Append(report.HasEventTime ? FormatTime(report.EventTimeUtc) : "-").Append('|');
            for (int i = 0; i < report.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(';');
                }

                text.Append(report.NameAt(i)).Append('=').Append(ValueText(report.ValueAt(i)));
            }

            return text.ToString();
        }

        private static string ValueText(object value)
        {
            if (value is bool)
            {
                return (bool)value ? "true" : "false";
            }

            if (value is double)
            {
                return ((double)value).ToString("F1");
            }

            if (value is int)
            {
                return ((int)value).ToString();
            }

            return (string)value;
        }

        private static void AddParas(string[] words, int first, NodeDownlink downlink)
        {
            for (int i = first; i < words.Length; i++)
            {
                int equals = words[i].IndexOf('=');
                if (equals <= 0)
                {
                    downlink.Error = "bad parameter '" + words[i] + "'";
                    return;
                }

                downlink.Paras[words[i].Substring(0, equals)] = ParseValue(words[i].Substring(equals + 1));
            }
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

        private static CloudMessage Message(string topic, string text)
        {
            return new CloudMessage(topic, Encoding.UTF8.GetBytes(text));
        }
    }
}
