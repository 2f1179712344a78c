#nullable enable
using System;
using System.Threading.Tasks;
using StmNode.At;
using StmNode.Host.Adapters;
using StmNode.Host.Emulators;
using StmNode.IntegrationTests.Emulators;
using RecordingLog = StmNode.IntegrationTests.Support.RecordingLog;

namespace StmNode.IntegrationTests.Modems
{
    /// <summary>An emulated modem on an in-memory cable, Core's AtChannel on the device end and a broker, torn down together.</summary>
    public sealed class ModemRig : IAsyncDisposable
    {
        private readonly DuplexPipe _pipe;
        private readonly StreamSerialLine _serial;

        private ModemRig(AtEmulator emulator, DuplexPipe pipe, StreamSerialLine serial, TestBroker broker)
        {
            Emulator = emulator;
            _pipe = pipe;
            _serial = serial;
            Broker = broker;
            Clock = new SystemClock();
            Channel = new AtChannel(serial, Clock, new RecordingLog());
        }

        public AtEmulator Emulator { get; }

        public TestBroker Broker { get; }

        public SystemClock Clock { get; }

        public AtChannel Channel { get; }

        public static async Task<ModemRig> StartAsync(Func<EmulatorOptions, AtEmulator> create, string? ssid = null, string? wifiPassword = null)
        {
            TestBroker broker = await TestBroker.StartAsync();
            var pipe = new DuplexPipe();
            AtEmulator emulator = create(new EmulatorOptions { GuardTimeMs = 100, BrokerTimeoutMs = 2000, WifiSsid = ssid, WifiPassword = wifiPassword });
            emulator.Attach(pipe.ModemEnd);
            return new ModemRig(emulator, pipe, new StreamSerialLine(pipe.DeviceEnd), broker);
        }

        public async ValueTask DisposeAsync()
        {
            Emulator.Dispose();
            _serial.Dispose();
            _pipe.Dispose();
            await Broker.DisposeAsync();
        }
    }
}
