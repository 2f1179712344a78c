#nullable enable
namespace StmNode.Host.Emulators
{
    /// <summary>Identity and timing of an emulated modem. Defaults are realistic; tests shorten the timings.</summary>
    public sealed class EmulatorOptions
    {
        /// <summary>Silence required before and after <c>+++</c> to leave transparent mode (Quectel and ESP-AT: 1 s).</summary>
        public int GuardTimeMs { get; init; } = 1000;

        /// <summary>Time after boot or <c>AT+CFUN=1</c> until the modem is registered (until then <c>+CEREG: 0,2</c>).</summary>
        public int RegistrationDelayMs { get; init; }

        /// <summary>Bound on every broker operation (TCP open, CONNECT, SUBSCRIBE, PUBLISH acknowledgements).</summary>
        public int BrokerTimeoutMs { get; init; } = 10000;

        /// <summary>Pause between writes when output chunking is on, so the reader really sees split lines.</summary>
        public int ChunkPauseMs { get; init; } = 1;

        /// <summary>Seed of the fault injector's random source.</summary>
        public int Seed { get; init; } = 1;

        public string Imei { get; init; } = "866971030000001";

        public string Iccid { get; init; } = "89860000000000000001";

        public string Imsi { get; init; } = "460001234567890";

        /// <summary>Signal quality reported by <c>AT+CSQ</c> (0–31, 99 unknown).</summary>
        public int Rssi { get; init; } = 22;

        /// <summary>ESP-AT: the access point that accepts <c>AT+CWJAP</c>; null accepts any.</summary>
        public string? WifiSsid { get; init; }

        /// <summary>ESP-AT: the password the access point wants; null accepts any.</summary>
        public string? WifiPassword { get; init; }
    }
}
