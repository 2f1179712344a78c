using StmNode.Cloud;
using StmNode.Config;
using StmNode.Host.Emulators;
using StmNode.Ports;

namespace StmNode.Host.Composition
{
    /// <summary>What to build for one hosted node: its config, its cloud and how it reaches the broker.</summary>
    public sealed class NodeSpec
    {
        public string Name { get; set; } = "node";

        /// <summary>tcp, bc26, ec20, esp-at or tcp-raw.</summary>
        public string Link { get; set; } = "tcp";

        public NodeConfig Config { get; set; }

        public ICloudProfile Profile { get; set; }

        /// <summary>A real modem's serial port; null gives an emulated modem for the modem links.</summary>
        public string Serial { get; set; }

        public int Baud { get; set; } = 115200;

        /// <summary>For tcp-raw: the Quectel model whose socket carries MQTT (bc26 or ec20; default ec20).</summary>
        public string Modem { get; set; }

        /// <summary>Timings of an emulated modem (tests shorten them); null keeps the realistic defaults.</summary>
        public EmulatorOptions ModemOptions { get; set; }

        /// <summary>Where the AT channel logs (with Trace enabled it prints every AT line, masked); null uses the node's log.</summary>
        public ILog AtLog { get; set; }

        /// <summary>Quectel MQTT packet timeout (AT+QMTCFG="timeout"); null keeps the driver's default. Tests shorten it.</summary>
        public int? ModemPacketTimeoutSeconds { get; set; }

        /// <summary>Longest wait for network registration of a modem link.</summary>
        public int RegistrationTimeoutMs { get; set; } = 120000;

        /// <summary>Keep connect and publish latency samples (fleet mode).</summary>
        public bool KeepLatencies { get; set; }

        /// <summary>Backoff jitter seed; fleet nodes get different seeds so they do not retry in lockstep.</summary>
        public uint Seed { get; set; } = 1;
    }
}
