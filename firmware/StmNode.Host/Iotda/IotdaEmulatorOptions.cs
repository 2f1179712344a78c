using System;

namespace StmNode.Host.Iotda
{
    /// <summary>How an <see cref="IotdaEmulator"/> listens and which platform limits it applies.</summary>
    public sealed class IotdaEmulatorOptions
    {
        /// <summary>TCP port on 127.0.0.1; 0 picks a free port (see <see cref="IotdaEmulator.Port"/>).</summary>
        public int Port { get; init; }

        /// <summary>How long commands and property set/get wait for the device's response (platform: 20 s).</summary>
        public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(20);

        /// <summary>
        /// Silence allowed before a device is dropped, as a multiple of its keep-alive (platform: 1.5). Tests lower it
        /// to see the drop quickly, since IoTDA refuses keep-alives under 30 s.
        /// </summary>
        public double SilenceFactor { get; init; } = 1.5;

        /// <summary>Allowed distance between a sign-type-1 ClientId timestamp and the emulator clock.</summary>
        public TimeSpan TimestampTolerance { get; init; } = TimeSpan.FromHours(1);

        /// <summary>The platform's wall clock: timestamp checks, receive times, <c>$time_sync</c> answers.</summary>
        public TimeProvider Clock { get; init; } = TimeProvider.System;

        /// <summary>Stored reports, messages and events per device (and problems overall); the oldest are dropped beyond it.</summary>
        public int MaxStoredPerDevice { get; init; } = 1000;

        /// <summary>Receives one line per connection, rejection and request; never secrets or passwords.</summary>
        public Action<string> Log { get; init; }
    }
}
