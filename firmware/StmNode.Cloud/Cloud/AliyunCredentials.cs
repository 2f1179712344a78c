using System;
using System.Text;
using StmNode.Crypto;

namespace StmNode.Cloud
{
    /// <summary>
    /// Alink MQTT sign-in (protocols.md §2.1): clientId "{pk}.{dn}|securemode={2|3},signmethod=hmacsha256,timestamp={ms}|",
    /// username "{dn}&amp;{pk}", password = hex HMAC-SHA256(DeviceSecret, "clientId{pk}.{dn}deviceName{dn}productKey{pk}timestamp{ms}").
    /// </summary>
    public static class AliyunCredentials
    {
        private const long UnixEpochTicks = 621355968000000000L;

        /// <summary>Null when the product key or device name can be used in topics and the client id, else the reason.</summary>
        public static string Validate(string what, string value)
        {
            if (value == null || value.Length == 0)
            {
                return what + " is empty";
            }

            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '/' || c == '+' || c == '#' || c == '&' || c == '|' || c == ',' || c <= ' ' || c == 0x7F)
                {
                    return what + " must not contain '" + new string(c, 1) + "'";
                }
            }

            return null;
        }

        /// <summary>Milliseconds since 1970-01-01 UTC, as Alink timestamps are written.</summary>
        public static long ToUnixMilliseconds(DateTime utc)
        {
            return (utc.Ticks - UnixEpochTicks) / 10000; // 100 ns ticks per millisecond
        }

        public static string ClientId(string productKey, string deviceName, bool useTls, string timestamp)
        {
            return productKey + "." + deviceName + "|securemode=" + (useTls ? "2" : "3") + ",signmethod=hmacsha256,timestamp=" + timestamp + "|";
        }

        public static string Username(string productKey, string deviceName)
        {
            return deviceName + "&" + productKey;
        }

        /// <summary>The signed text: parameter names and values in alphabetical order of name; clientId without the |…| part.</summary>
        public static string SignContent(string productKey, string deviceName, string timestamp)
        {
            return "clientId" + productKey + "." + deviceName + "deviceName" + deviceName + "productKey" + productKey + "timestamp" + timestamp;
        }

        public static string Password(string productKey, string deviceName, string deviceSecret, string timestamp)
        {
            byte[] key = Encoding.UTF8.GetBytes(deviceSecret);
            byte[] message = Encoding.UTF8.GetBytes(SignContent(productKey, deviceName, timestamp));
            return Hex.ToLower(HmacSha256.Compute(key, message));
        }
    }
}
