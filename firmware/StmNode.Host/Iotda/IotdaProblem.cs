using System;

namespace StmNode.Host.Iotda
{
    /// <summary>One protocol problem seen by the emulator. <see cref="DeviceId"/> is the ClientId when no device is known.</summary>
    public sealed record IotdaProblem(DateTimeOffset At, string DeviceId, IotdaProblemKind Kind, string Detail)
    {
        public override string ToString() => $"{At:HH:mm:ss.fff} {DeviceId}: {Kind}: {Detail}";
    }
}
