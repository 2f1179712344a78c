using System;
using System.Collections.Generic;

namespace StmNode.Host.Iotda
{
    /// <summary>The emulator's record of one registered device; guarded by the emulator's lock.</summary>
    internal sealed class IotdaDeviceState
    {
        public IotdaDeviceState(string deviceId, string secret)
        {
            DeviceId = deviceId;
            Secret = secret;
        }

        public string DeviceId { get; }

        public string Secret { get; set; }

        /// <summary>ClientId and remote endpoint of the live connection; both null while offline.</summary>
        public string ClientId { get; set; }

        public string Endpoint { get; set; }

        public DateTimeOffset? ConnectedAt { get; set; }

        public int KeepAliveSeconds { get; set; }

        /// <summary><see cref="Environment.TickCount64"/> when the device last sent any packet.</summary>
        public long LastHeardMs { get; set; }

        public bool IsOnline => ClientId != null;

        public List<IotdaPropertyReport> Reports { get; } = new List<IotdaPropertyReport>();

        public List<IotdaMessageUp> MessagesUp { get; } = new List<IotdaMessageUp>();

        public List<IotdaEventUp> EventsUp { get; } = new List<IotdaEventUp>();

        public long ReportCount { get; set; }

        public long MessageUpCount { get; set; }

        public long EventUpCount { get; set; }

        public void Disconnected()
        {
            ClientId = null;
            Endpoint = null;
            ConnectedAt = null;
        }
    }
}
