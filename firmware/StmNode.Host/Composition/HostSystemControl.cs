using StmNode.Ports;
using System;
using System.Reflection;
using System.Threading;
using StmNode.Node;

namespace StmNode.Host.Composition
{
    /// <summary>
    /// The board's system functions on a PC. A reboot request cannot restart the PC: it is counted and announced, and
    /// the host decides what to do (the node keeps trying to connect, as it would after a real restart).
    /// </summary>
    public sealed class HostSystemControl : ISystemControl
    {
        private int _rebootRequests;

        public event Action<string> RebootRequested;

        public long FreeMemoryBytes
        {
            get
            {
                GCMemoryInfo info = GC.GetGCMemoryInfo();
                long free = info.TotalAvailableMemoryBytes - GC.GetTotalMemory(false);

                // The diag property is an int (an ESP32 has a few hundred KiB); a PC has more than that can hold.
                return free > 0 ? Math.Min(free, int.MaxValue) : -1;
            }
        }

        public string ResetReason => "power-on";

        public string FirmwareVersion { get; } = "host-" + (typeof(HostSystemControl).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

        public int RebootRequests => Volatile.Read(ref _rebootRequests);

        public void RequestReboot(string reason)
        {
            Interlocked.Increment(ref _rebootRequests);
            RebootRequested?.Invoke(reason);
        }
    }
}
