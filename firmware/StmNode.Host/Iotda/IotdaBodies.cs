using System;
using System.Text.Json.Nodes;

namespace StmNode.Host.Iotda
{
    /// <summary>The JSON bodies the platform sends down (protocols.md §1.4, §1.6).</summary>
    internal static class IotdaBodies
    {
        public static JsonObject CommandRequest(string deviceId, string serviceId, string commandName, JsonObject paras) =>
            new JsonObject
            {
                ["object_device_id"] = deviceId,
                ["service_id"] = serviceId,
                ["command_name"] = commandName,
                ["paras"] = paras ?? new JsonObject(),
            };

        public static JsonObject PropertiesSetRequest(string deviceId, string serviceId, JsonObject properties) =>
            new JsonObject
            {
                ["object_device_id"] = deviceId,
                ["services"] = new JsonArray(new JsonObject
                {
                    ["service_id"] = serviceId,
                    ["properties"] = properties ?? new JsonObject(),
                }),
            };

        /// <summary>A property get; without <paramref name="serviceId"/> it asks for all services.</summary>
        public static JsonObject PropertiesGetRequest(string deviceId, string serviceId)
        {
            var body = new JsonObject { ["object_device_id"] = deviceId };
            if (serviceId != null)
            {
                body["service_id"] = serviceId;
            }

            return body;
        }

        public static JsonObject TimeSyncResponse(
            string deviceId, long deviceSendTime, DateTimeOffset receivedAt, DateTimeOffset sentAt) =>
            new JsonObject
            {
                ["object_device_id"] = deviceId,
                ["services"] = new JsonArray(new JsonObject
                {
                    ["service_id"] = "$time_sync",
                    ["event_type"] = "time_sync_response",
                    ["event_time"] = IotdaJson.EventTime(sentAt),
                    ["paras"] = new JsonObject
                    {
                        ["device_send_time"] = deviceSendTime,
                        ["server_recv_time"] = receivedAt.ToUnixTimeMilliseconds(),
                        ["server_send_time"] = sentAt.ToUnixTimeMilliseconds(),
                    },
                }),
            };
    }
}
