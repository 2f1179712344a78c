#nullable enable
using System;
using System.IO;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// An in-memory serial cable: the emulator attaches to <see cref="ModemEnd"/>, the device under test uses
    /// <see cref="DeviceEnd"/> (wrap it in <see cref="Adapters.StreamSerialLine"/> for Core). Disposing either end
    /// closes the cable for both.
    /// </summary>
    public sealed class DuplexPipe : IDisposable
    {
        public DuplexPipe()
        {
            var toModem = new ByteChannel();
            var toDevice = new ByteChannel();
            ModemEnd = new PipeEndStream(toModem, toDevice);
            DeviceEnd = new PipeEndStream(toDevice, toModem);
        }

        public Stream ModemEnd { get; }

        public Stream DeviceEnd { get; }

        public void Dispose()
        {
            ModemEnd.Dispose();
            DeviceEnd.Dispose();
        }
    }
}
