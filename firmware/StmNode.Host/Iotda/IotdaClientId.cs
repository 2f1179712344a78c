using System;
using System.Globalization;

namespace StmNode.Host.Iotda
{
    /// <summary>
    /// The IoTDA MQTT ClientId <c>{device_id}_0_{sign_type}_{YYYYMMDDHH}</c> (protocols.md §1.2), split into its parts.
    /// </summary>
    public sealed record IotdaClientId(string DeviceId, int SignType, string Timestamp)
    {
        /// <summary>Parses a ClientId; false for anything not of the documented shape.</summary>
        public static bool TryParse(string clientId, out IotdaClientId parsed)
        {
            parsed = null;
            if (string.IsNullOrEmpty(clientId))
            {
                return false;
            }

            // The device id may itself contain '_', so the three fixed parts are taken from the end.
            var parts = clientId.Split('_');
            if (parts.Length < 4)
            {
                return false;
            }

            var timestamp = parts[^1];
            var signType = parts[^2];
            var identityType = parts[^3];
            var deviceId = string.Join('_', parts, 0, parts.Length - 3);
            if (deviceId.Length == 0 || identityType != "0" || (signType != "0" && signType != "1")
                || !IsTimestamp(timestamp))
            {
                return false;
            }

            parsed = new IotdaClientId(deviceId, signType[0] - '0', timestamp);
            return true;
        }

        /// <summary>The timestamp as a UTC instant; false when it is not a real calendar hour.</summary>
        public bool TryGetTime(out DateTimeOffset time)
        {
            var ok = DateTime.TryParseExact(Timestamp, "yyyyMMddHH", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed);
            time = ok ? new DateTimeOffset(parsed, TimeSpan.Zero) : default;
            return ok;
        }

        private static bool IsTimestamp(string text)
        {
            if (text.Length != 10)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return DateTime.TryParseExact(text, "yyyyMMddHH", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }
    }
}
