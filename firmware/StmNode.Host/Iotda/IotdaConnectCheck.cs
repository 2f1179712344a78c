using System;
using MQTTnet.Protocol;

namespace StmNode.Host.Iotda
{
    /// <summary>
    /// IoTDA's CONNECT rules (protocols.md §1.1, §1.2) as a pure function of the CONNECT fields, the registry and the
    /// platform clock. CONNACK codes follow Huawei's return-code table: bad credentials "bad user name or password",
    /// a malformed ClientId or a keep-alive out of range "identifier rejected"; a will, which the table does not name,
    /// "not authorized".
    /// </summary>
    internal static class IotdaConnectCheck
    {
        public const int MinKeepAliveSeconds = 30;
        public const int MaxKeepAliveSeconds = 1200;

        /// <summary>Success, or the refusal code with a reason that names no secret or password.</summary>
        public static MqttConnectReasonCode Check(
            string clientId,
            string userName,
            string password,
            int keepAliveSeconds,
            bool hasWill,
            Func<string, string> secretOf,
            DateTimeOffset now,
            TimeSpan timestampTolerance,
            out string reason)
        {
            if (!IotdaClientId.TryParse(clientId, out var id))
            {
                reason = $"ClientId \"{clientId}\" is not {{device_id}}_0_{{0|1}}_{{YYYYMMDDHH}}";
                return MqttConnectReasonCode.ClientIdentifierNotValid;
            }

            if (keepAliveSeconds < MinKeepAliveSeconds || keepAliveSeconds > MaxKeepAliveSeconds)
            {
                // Huawei's return-code table gives 0x02 for a keep-alive out of range (protocols.md §1.2).
                reason = $"keep-alive {keepAliveSeconds} s is outside {MinKeepAliveSeconds}..{MaxKeepAliveSeconds} s";
                return MqttConnectReasonCode.ClientIdentifierNotValid;
            }

            if (hasWill)
            {
                reason = "will messages are not supported";
                return MqttConnectReasonCode.NotAuthorized;
            }

            if (userName != id.DeviceId)
            {
                reason = "the user name is not the ClientId's device id";
                return MqttConnectReasonCode.BadUserNameOrPassword;
            }

            var secret = secretOf(id.DeviceId);
            if (secret == null)
            {
                reason = "the device is not registered";
                return MqttConnectReasonCode.BadUserNameOrPassword;
            }

            if (id.SignType == 1 && !IsTimestampCurrent(id, now, timestampTolerance, out var skew))
            {
                reason = $"sign type 1 timestamp {id.Timestamp} is {skew.TotalMinutes:0} min away from platform time";
                return MqttConnectReasonCode.BadUserNameOrPassword;
            }

            if (!IotdaPassword.Matches(password, id.Timestamp, secret))
            {
                reason = "the password does not match the secret and timestamp";
                return MqttConnectReasonCode.BadUserNameOrPassword;
            }

            reason = null;
            return MqttConnectReasonCode.Success;
        }

        /// <summary>The timestamp names an hour; it is current when the clock is within the tolerance of that hour.</summary>
        private static bool IsTimestampCurrent(IotdaClientId id, DateTimeOffset now, TimeSpan tolerance, out TimeSpan skew)
        {
            if (!id.TryGetTime(out var hourStart))
            {
                skew = TimeSpan.MaxValue;
                return false;
            }

            var hourEnd = hourStart.AddHours(1);
            skew = now < hourStart ? hourStart - now : now >= hourEnd ? now - hourEnd : TimeSpan.Zero;
            return skew <= tolerance;
        }
    }
}
