using System;
using StmNode.Host.Adapters;
using StmNode.Host.Emulators;
using StmNode.Ports;

namespace StmNode.Host.Simulation
{
    /// <summary>
    /// An emulated modem on an in-memory serial cable, wired like the real board: Core talks to <see cref="Line"/>,
    /// and the modem's PWRKEY and RESET inputs are outputs Core drives (a PWRKEY press switches a powered-off modem on,
    /// a RESET pulse reboots it).
    /// </summary>
    public sealed class EmulatedModem : IDisposable
    {
        private readonly DuplexPipe _pipe;
        private readonly StreamSerialLine _line;

        private EmulatedModem(AtEmulator emulator)
        {
            Emulator = emulator;
            _pipe = new DuplexPipe();
            emulator.Attach(_pipe.ModemEnd);
            _line = new StreamSerialLine(_pipe.DeviceEnd);
            PowerKey = new Pin(high => { if (!high) { emulator.PowerOn(); } });
            Reset = new Pin(high => { if (high) { emulator.Reboot(); } });
        }

        /// <summary>bc26, ec20 or esp-at.</summary>
        public string Model { get; private init; }

        public AtEmulator Emulator { get; }

        public IByteStream Line => _line;

        /// <summary>PWRKEY as Core drives it (true = pressed); the modem switches on when the key is released.</summary>
        public IDigitalOutput PowerKey { get; }

        /// <summary>RESET as Core drives it (true = asserted).</summary>
        public IDigitalOutput Reset { get; }

        /// <summary>The emulated model, or null for an unknown name.</summary>
        public static EmulatedModem Create(string model, EmulatorOptions options = null)
        {
            AtEmulator emulator = EmulatorCli.Create(model, options);
            return emulator == null ? null : new EmulatedModem(emulator) { Model = model };
        }

        public void Dispose()
        {
            _line.Dispose();
            _pipe.Dispose();
            Emulator.Dispose();
        }

        private sealed class Pin : IDigitalOutput
        {
            private readonly Action<bool> _driven;

            public Pin(Action<bool> driven)
            {
                _driven = driven;
            }

            public void Write(bool high) => _driven(high);
        }
    }
}
