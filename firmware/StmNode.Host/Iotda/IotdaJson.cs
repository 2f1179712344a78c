using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StmNode.Host.Iotda
{
    /// <summary>Parsing of the IoTDA JSON bodies (protocols.md §1.4); bad input gives an error text, never an exception.</summary>
    internal static class IotdaJson
    {
        public static bool TryParseObject(byte[] payload, out JsonObject body, out string error)
        {
            body = null;
            error = null;
            try
            {
                body = JsonNode.Parse(payload) as JsonObject;
            }
            catch (JsonException e)
            {
                error = "not JSON: " + e.Message;
                return false;
            }

            if (body == null)
            {
                error = "the body is not a JSON object";
                return false;
            }

            return true;
        }

        /// <summary>Reads <c>services[]</c> with mandatory <c>service_id</c> and, if asked, mandatory <c>properties</c>.</summary>
        public static bool TryReadServices(
            JsonObject body, bool propertiesRequired, out List<IotdaServiceProperties> services, out string error)
        {
            services = new List<IotdaServiceProperties>();
            error = null;
            if (body["services"] is not JsonArray array)
            {
                error = "\"services\" is missing or not an array";
                return false;
            }

            foreach (var item in array)
            {
                if (item is not JsonObject service)
                {
                    error = "a \"services\" entry is not an object";
                    return false;
                }

                if (!TryGetString(service, "service_id", out var serviceId) || serviceId.Length == 0)
                {
                    error = "a service has no \"service_id\" string";
                    return false;
                }

                var properties = service["properties"] as JsonObject;
                if (propertiesRequired && properties == null)
                {
                    error = $"service \"{serviceId}\" has no \"properties\" object";
                    return false;
                }

                TryGetString(service, "event_time", out var eventTime);
                services.Add(new IotdaServiceProperties(serviceId, properties, eventTime));
            }

            return true;
        }

        public static bool TryGetString(JsonObject obj, string name, out string value)
        {
            value = null;
            return obj[name] is JsonValue node && node.TryGetValue(out value);
        }

        public static bool TryGetInt64(JsonObject obj, string name, out long value)
        {
            value = 0;
            return obj != null && obj[name] is JsonValue node && node.GetValueKind() == JsonValueKind.Number
                && node.TryGetValue(out value);
        }

        /// <summary>IoTDA's compact UTC event time, <c>yyyyMMdd'T'HHmmss'Z'</c>.</summary>
        public static string EventTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
    }
}
