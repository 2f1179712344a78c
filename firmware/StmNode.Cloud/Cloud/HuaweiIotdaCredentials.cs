using System;
using System.Text;
using StmNode.Crypto;

namespace StmNode.Cloud
{
    /// <summary>
    /// IoTDA secret authentication (protocols.md §1.2): ClientId "{device_id}_0_{sign_type}_{YYYYMMDDHH}",
    /// username = device id, password = lower-case hex HMAC-SHA256 with the timestamp as key and the secret as message.
    /// </summary>
    public static class HuaweiIotdaCredentials
    {
        public const int MaxDeviceIdLength = 128;

        /// <summary>Null when the device id can be used in topics and the client id, else the reason.</summary>
        public static string ValidateDeviceId(string deviceId)
        {
            if (deviceId == null || deviceId.Length == 0)
            {
                return "device id is empty";
            }

            if (deviceId.Length > MaxDeviceIdLength)
            {
                return "device id is longer than 128 characters";
            }

            for (int i = 0; i < deviceId.Length; i++)
            {
                char c = deviceId[i];
                if (c == '/' || c == '+' || c == '#' || c == '$')
                {
                    return "device id must not contain '" + new string(c, 1) + "' (MQTT topic character)";
                }

                if (c <= ' ' || c == 0x7F)
                {
                    return "device id must not contain spaces or control characters";
                }
            }

            return null;
        }

        /// <summary>The hour-resolution UTC timestamp "YYYYMMDDHH" (2018-07-24 17:56:20 → "2018072417").</summary>
        public static string FormatTimestamp(DateTime utc)
        {
            char[] chars = new char[10];
            PutDigits(chars, 0, utc.Year, 4);
            PutDigits(chars, 4, utc.Month, 2);
            PutDigits(chars, 6, utc.Day, 2);
            PutDigits(chars, 8, utc.Hour, 2);
            return new string(chars, 0, chars.Length);
        }

        public static string ClientId(string deviceId, int signType, string timestamp)
        {
            return deviceId + "_0_" + signType.ToString() + "_" + timestamp;
        }

        public static string Password(string secret, string timestamp)
        {
            byte[] key = Encoding.UTF8.GetBytes(timestamp);
            byte[] message = Encoding.UTF8.GetBytes(secret);
            return Hex.ToLower(HmacSha256.Compute(key, message));
        }

        private static void PutDigits(char[] chars, int at, int value, int width)
        {
            for (int i = width - 1; i >= 0; i--)
            {
                chars[at + i] = (char)('0' + value % 10);
                value /= 10;
            }
        }
    }
}
