using System;

namespace StmNode.Host.Iotda
{
    /// <summary>The IoTDA topic tree of one device (protocols.md §1.3): classify uplinks, build downlinks.</summary>
    internal static class IotdaTopics
    {
        private const string RequestIdMarker = "request_id=";

        public static string Prefix(string deviceId) => "$oc/devices/" + deviceId + "/";

        public static string CommandRequest(string deviceId, string requestId) =>
            Prefix(deviceId) + "sys/commands/" + RequestIdMarker + requestId;

        public static string PropertiesSetRequest(string deviceId, string requestId) =>
            Prefix(deviceId) + "sys/properties/set/" + RequestIdMarker + requestId;

        public static string PropertiesGetRequest(string deviceId, string requestId) =>
            Prefix(deviceId) + "sys/properties/get/" + RequestIdMarker + requestId;

        public static string MessagesDown(string deviceId) => Prefix(deviceId) + "sys/messages/down";

        public static string EventsDown(string deviceId) => Prefix(deviceId) + "sys/events/down";

        /// <summary>True when a subscription filter stays inside the device's own tree (wildcards only after the prefix).</summary>
        public static bool IsOwnFilter(string deviceId, string filter) =>
            filter != null && filter.StartsWith(Prefix(deviceId), StringComparison.Ordinal);

        /// <summary>Classifies a topic a device published to; <paramref name="requestId"/> is set for responses.</summary>
        public static IotdaUpTopicKind Classify(string deviceId, string topic, out string requestId)
        {
            requestId = null;
            var prefix = Prefix(deviceId);
            if (topic == null || !topic.StartsWith(prefix, StringComparison.Ordinal))
            {
                return IotdaUpTopicKind.Foreign;
            }

            var rest = topic.Substring(prefix.Length);
            if (rest.StartsWith("user/", StringComparison.Ordinal) && rest.Length > "user/".Length)
            {
                return IotdaUpTopicKind.MessageUp;
            }

            if (IsWithOptionalRequestId(rest, "sys/properties/report"))
            {
                return IotdaUpTopicKind.PropertiesReport;
            }

            if (IsWithOptionalRequestId(rest, "sys/messages/up"))
            {
                return IotdaUpTopicKind.MessageUp;
            }

            if (rest == "sys/events/up")
            {
                return IotdaUpTopicKind.EventUp;
            }

            if (TryResponse(rest, "sys/commands/response/", out requestId))
            {
                return IotdaUpTopicKind.CommandResponse;
            }

            if (TryResponse(rest, "sys/properties/set/response/", out requestId))
            {
                return IotdaUpTopicKind.PropertiesSetResponse;
            }

            if (TryResponse(rest, "sys/properties/get/response/", out requestId))
            {
                return IotdaUpTopicKind.PropertiesGetResponse;
            }

            return IotdaUpTopicKind.Unsupported;
        }

        private static bool IsWithOptionalRequestId(string rest, string path) =>
            rest == path || rest.StartsWith(path + "?" + RequestIdMarker, StringComparison.Ordinal);

        private static bool TryResponse(string rest, string path, out string requestId)
        {
            requestId = null;
            var head = path + RequestIdMarker;
            if (!rest.StartsWith(head, StringComparison.Ordinal) || rest.Length == head.Length)
            {
                return false;
            }

            requestId = rest.Substring(head.Length);
            return true;
        }
    }
}
