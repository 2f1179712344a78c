#nullable enable
namespace StmNode.Host.Emulators
{
    /// <summary>What an emulated modem puts into its MQTT CONNECT.</summary>
    internal sealed class BrokerConnectRequest
    {
        public string ClientId { get; init; } = string.Empty;

        public string? UserName { get; init; }

        public string? Password { get; init; }

        /// <summary>3 = MQTT 3.1, 4 = MQTT 3.1.1.</summary>
        public int ProtocolVersion { get; init; } = 4;

        /// <summary>Seconds; 0 disables keep-alive.</summary>
        public int KeepAliveSeconds { get; init; } = 120;

        public bool CleanSession { get; init; } = true;

        public string? WillTopic { get; init; }

        public string? WillMessage { get; init; }

        public int WillQos { get; init; }

        public bool WillRetain { get; init; }
    }
}
