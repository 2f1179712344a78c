using StmNode.Node;
using StmNode.Ports;

namespace StmNode.Tests.Fakes
{
    /// <summary>Board figures for diag, and a record of reboot requests.</summary>
    public sealed class FakeSystem : ISystemControl
    {
        public long FreeMemory = 81920;

        public int RebootRequests { get; private set; }

        public string LastRebootReason { get; private set; }

        public long FreeMemoryBytes
        {
            get { return FreeMemory; }
        }

        public string ResetReason
        {
            get { return "power-on"; }
        }

        public string FirmwareVersion
        {
            get { return "1.2.3"; }
        }

        public void RequestReboot(string reason)
        {
            RebootRequests++;
            LastRebootReason = reason;
        }
    }
}
