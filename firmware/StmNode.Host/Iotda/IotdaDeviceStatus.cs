using System;

namespace StmNode.Host.Iotda
{
    /// <summary>A snapshot of one registered device for the host CLI.</summary>
    public sealed record IotdaDeviceStatus(
        string DeviceId,
        bool IsOnline,
        string ClientId,
        DateTimeOffset? ConnectedAt,
        int KeepAliveSeconds,
        IotdaPropertyReport LastReport,
        long Reports,
        long MessagesUp,
        long EventsUp);
}
