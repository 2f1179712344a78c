using System.Text;

namespace StmNode.Cloud
{
    /// <summary>
    /// The IoTDA system topics of one device (protocols.md §1.3). Requests carry a platform-chosen request id, so
    /// the device subscribes with '#' in its place and echoes the exact id in the response topic.
    /// </summary>
    public sealed class HuaweiIotdaTopics
    {
        private readonly string _prefix;

        public HuaweiIotdaTopics(string deviceId)
        {
            _prefix = "$oc/devices/" + deviceId + "/sys/";
            PropertiesReport = _prefix + "properties/report";
            MessagesUp = _prefix + "messages/up";
            MessagesDown = _prefix + "messages/down";
            CommandsFilter = _prefix + "commands/#";
            CommandRequestPrefix = _prefix + "commands/request_id=";
            PropertiesSetFilter = _prefix + "properties/set/#";
            PropertiesSetRequestPrefix = _prefix + "properties/set/request_id=";
            PropertiesGetFilter = _prefix + "properties/get/#";
            PropertiesGetRequestPrefix = _prefix + "properties/get/request_id=";
            EventsUp = _prefix + "events/up";
            EventsDown = _prefix + "events/down";
            ShadowGetResponseFilter = _prefix + "shadow/get/response/#";
        }

        public string PropertiesReport { get; }

        public string MessagesUp { get; }

        public string MessagesDown { get; }

        /// <summary>Subscribe filter for command requests.</summary>
        public string CommandsFilter { get; }

        /// <summary>A command request topic is this followed by the request id.</summary>
        public string CommandRequestPrefix { get; }

        public string PropertiesSetFilter { get; }

        public string PropertiesSetRequestPrefix { get; }

        public string PropertiesGetFilter { get; }

        public string PropertiesGetRequestPrefix { get; }

        public string EventsUp { get; }

        public string EventsDown { get; }

        public string ShadowGetResponseFilter { get; }

        /// <summary>
        /// Length in bytes of the longest topic the device publishes: a property set or get response, whose request id
        /// the platform chooses. IoTDA's request ids are UUIDs (36 characters; the topic documents do not bound them).
        /// </summary>
        public static int LongestResponseTopicBytes(string deviceId)
        {
            const int RequestIdLength = 36;
            return Encoding.UTF8.GetBytes("$oc/devices/" + deviceId + "/sys/properties/set/response/request_id=").Length + RequestIdLength;
        }

        public string CommandResponse(string requestId)
        {
            return _prefix + "commands/response/request_id=" + requestId;
        }

        public string PropertiesSetResponse(string requestId)
        {
            return _prefix + "properties/set/response/request_id=" + requestId;
        }

        public string PropertiesGetResponse(string requestId)
        {
            return _prefix + "properties/get/response/request_id=" + requestId;
        }

        /// <summary>Shadow get request; the device picks the request id (a counter is enough).</summary>
        public string ShadowGet(string requestId)
        {
            return _prefix + "shadow/get/request_id=" + requestId;
        }
    }
}
