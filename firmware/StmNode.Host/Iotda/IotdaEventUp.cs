using System;
using System.Text.Json.Nodes;

namespace StmNode.Host.Iotda
{
    /// <summary>One service entry of an event up (<c>sys/events/up</c>), e.g. a <c>$time_sync</c> request.</summary>
    public sealed record IotdaEventUp(
        string DeviceId, DateTimeOffset ReceivedAt, string ServiceId, string EventType, JsonObject Paras);
}
