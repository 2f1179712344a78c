using System.Diagnostics;
using nanoFramework.Runtime.Native;
using StmNode.Ports;

namespace StmNode.Adapters
{
    /// <summary>The board for diag and recovery: free managed memory, and a reboot that does not return.</summary>
    public sealed class Esp32System : ISystemControl
    {
        private readonly string _firmwareVersion;

        public Esp32System(string firmwareVersion)
        {
            _firmwareVersion = firmwareVersion;
        }

        /// <summary>Free managed heap after a (non-compacting) collection: GC.Run returns the free bytes.</summary>
        public long FreeMemoryBytes
        {
            get { return GC.Run(false); }
        }

        /// <summary>nanoFramework exposes no reset cause to managed code; the diag report says so with an empty value.</summary>
        public string ResetReason
        {
            get { return ""; }
        }

        public string FirmwareVersion
        {
            get { return _firmwareVersion; }
        }

        public void RequestReboot(string reason)
        {
            Debug.WriteLine("REBOOT: " + reason);
            Power.RebootDevice();
        }
    }
}
