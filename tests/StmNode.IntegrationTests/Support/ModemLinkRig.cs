#nullable enable
using System;
using System.Threading.Tasks;
using StmNode.At;
using StmNode.Host.Adapters;
using StmNode.Host.Emulators;
using StmNode.IntegrationTests.Emulators;
using StmNode.Modems;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Support
{
    /// <summary>
    /// Core's real modem link (QuectelMqttLink on a BC26 or EC20, EspAtMqttLink) over an emulated modem on an
    /// in-memory cable, talking to a loopback broker; every byte the device writes is recorded.
    /// </summary>
    public sealed class ModemLinkRig : IAsyncDisposable
    {
        public const string WifiSsid = "field-ap";
        public const string WifiPassword = "Wi-Fi pa55word!";

        private readonly DuplexPipe _pipe;
        private readonly StreamSerialLine _serial;

        private ModemLinkRig(string kind, TestBroker broker, DuplexPipe pipe, AtEmulator emulator, StreamSerialLine serial, IClock clock, ILog log, string wifiPassword)
        {
            Kind = kind;
            Broker = broker;
            _pipe = pipe;
            Emulator = emulator;
            _serial = serial;
            Line = new RecordingSerialLine(serial);
            Channel = new AtChannel(Line, clock, log);
            switch (kind)
            {
                case "ec20":
                    Link = new QuectelMqttLink(new QuectelModem(QuectelModel.Ec20, Channel, log, null, null));
                    break;
                case "bc26":
                    Link = new QuectelMqttLink(new QuectelModem(QuectelModel.Bc26, Channel, log, null, null));
                    break;
                default:
                    Link = new EspAtMqttLink(new EspAtModem(Channel, log), WifiSsid, wifiPassword);
                    break;
            }
        }

        public static readonly string[] Kinds = { "bc26", "ec20", "esp-at" };

        public string Kind { get; }

        public TestBroker Broker { get; }

        public AtEmulator Emulator { get; }

        public RecordingSerialLine Line { get; }

        public AtChannel Channel { get; }

        public IMqttLink Link { get; }

        /// <summary>Starts the rig; wifiPassword is what both the ESP-AT module's access point and the link use.</summary>
        public static async Task<ModemLinkRig> StartAsync(string kind, IClock clock, ILog log, int seed = 1, string wifiPassword = WifiPassword)
        {
            EmulatorOptions options = new EmulatorOptions
            {
                GuardTimeMs = 100,
                BrokerTimeoutMs = 2000,
                ChunkPauseMs = 0,
                Seed = seed,
                WifiSsid = WifiSsid,
                WifiPassword = wifiPassword,
            };
            TestBroker broker = await TestBroker.StartAsync();
            DuplexPipe pipe = new DuplexPipe();
            AtEmulator emulator = kind switch
            {
                "ec20" => new Ec20Emulator(options),
                "bc26" => new Bc26Emulator(options),
                "esp-at" => new EspAtEmulator(options),
                _ => throw new ArgumentException("unknown modem kind " + kind),
            };
            emulator.Attach(pipe.ModemEnd);
            ModemLinkRig rig = new ModemLinkRig(kind, broker, pipe, emulator, new StreamSerialLine(pipe.DeviceEnd), clock, log, wifiPassword);

            // A modem that was already running when the node starts: its boot banner has passed.
            rig.Channel.Poll(200);
            return rig;
        }

        public MqttConnectOptions Options(string clientId, string? username = null, string? password = null) => new MqttConnectOptions
        {
            Host = "127.0.0.1",
            Port = Broker.Port,
            ClientId = clientId,
            Username = username,
            Password = password,
            KeepAliveSeconds = 120,
        };

        public async ValueTask DisposeAsync()
        {
            Emulator.Dispose();
            _serial.Dispose();
            _pipe.Dispose();
            await Broker.DisposeAsync();
        }
    }
}
