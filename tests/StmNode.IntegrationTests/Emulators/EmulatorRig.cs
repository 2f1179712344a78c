#nullable enable
using System;
using System.Threading.Tasks;
using StmNode.Host.Emulators;

namespace StmNode.IntegrationTests.Emulators
{
    /// <summary>An emulator on an in-memory pipe, the device-side script and a broker, torn down together.</summary>
    public sealed class EmulatorRig : IAsyncDisposable
    {
        private readonly DuplexPipe _pipe;

        private EmulatorRig(AtEmulator emulator, DuplexPipe pipe, DeviceScript device, TestBroker broker)
        {
            Emulator = emulator;
            _pipe = pipe;
            Device = device;
            Broker = broker;
        }

        public AtEmulator Emulator { get; }

        public DeviceScript Device { get; }

        public TestBroker Broker { get; }

        /// <summary>Fast timings for tests: short guard time and broker timeout.</summary>
        public static EmulatorOptions FastOptions(int registrationDelayMs = 0) => new EmulatorOptions
        {
            GuardTimeMs = 100,
            BrokerTimeoutMs = 2000,
            RegistrationDelayMs = registrationDelayMs,
        };

        public static async Task<EmulatorRig> StartAsync(Func<EmulatorOptions, AtEmulator> create, EmulatorOptions? options = null)
        {
            TestBroker broker = await TestBroker.StartAsync();
            var pipe = new DuplexPipe();
            var device = new DeviceScript(pipe.DeviceEnd);
            AtEmulator emulator = create(options ?? FastOptions());
            emulator.Attach(pipe.ModemEnd);
            return new EmulatorRig(emulator, pipe, device, broker);
        }

        public async ValueTask DisposeAsync()
        {
            Emulator.Dispose();
            Device.Dispose();
            _pipe.Dispose();
            await Broker.DisposeAsync();
        }
    }
}
