using System;
using System.Security.Cryptography;
using System.Text;

namespace StmNode.Host.Iotda
{
    /// <summary>
    /// The IoTDA secret-based CONNECT password: lower-case hex of HMAC-SHA256 with the timestamp string as the key and
    /// the device secret as the message (protocols.md §1.2).
    /// </summary>
    public static class IotdaPassword
    {
        public static string Compute(string timestamp, string secret)
        {
            var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(timestamp), Encoding.UTF8.GetBytes(secret));
            return Convert.ToHexStringLower(mac);
        }

        /// <summary>Constant-time comparison, so a wrong guess does not leak how many characters matched.</summary>
        public static bool Matches(string presented, string timestamp, string secret)
        {
            if (presented == null)
            {
                return false;
            }

            var expected = Encoding.ASCII.GetBytes(Compute(timestamp, secret));
            var actual = Encoding.UTF8.GetBytes(presented);
            return CryptographicOperations.FixedTimeEquals(expected, actual);
        }
    }
}
