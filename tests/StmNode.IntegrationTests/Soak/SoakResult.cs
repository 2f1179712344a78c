using System.Collections.Generic;
using System.Text;

namespace StmNode.IntegrationTests.Soak
{
    /// <summary>What one soak run measured; <see cref="Describe"/> is the line docs/performance.md quotes.</summary>
    public sealed class SoakResult
    {
        public string Kind { get; set; }
        public int Seed { get; set; }
        public int Cycles { get; set; }
        public int Exceptions { get; set; }
        public List<string> ExceptionTexts { get; } = new List<string>();
        public int ReportsOk { get; set; }
        public int ReportsDropped { get; set; }
        public int ReportsDelivered { get; set; }
        public int ReportsOkButMissing { get; set; }
        public int ReportsUnaccounted { get; set; }
        public int CommandsSent { get; set; }
        public int CommandsDelivered { get; set; }
        public int CommandsAnsweredOnce { get; set; }
        public int CommandsAnsweredTwice { get; set; }
        public int CommandsDeliveredUnanswered { get; set; }
        public int DuplicateDeliveries { get; set; }
        public int Losses { get; set; }
        public int ConnectFailures { get; set; }
        public int LongestOutageAttempts { get; set; }
        public long LongestOutageVirtualMs { get; set; }
        public int MaxBackoffMs { get; set; }
        public int LargestDelayMs { get; set; }
        public bool RecoveredAtEnd { get; set; }

        /// <summary>When the link did not come back: its last error and the AT trace (masked), for the report.</summary>
        public string Diagnosis { get; set; } = "";
        public int BrokerRestarts { get; set; }
        public Dictionary<string, int> Faults { get; } = new Dictionary<string, int>();
        public long HeapAfterWarmupBytes { get; set; }
        public long HeapAtEndBytes { get; set; }
        public double AllocatedPerCycleBytes { get; set; }
        public double RealSeconds { get; set; }
        public double VirtualHours { get; set; }

        public string Describe()
        {
            StringBuilder s = new StringBuilder();
            s.Append(Kind).Append(" seed=").Append(Seed).Append(" cycles=").Append(Cycles)
                .Append(" real=").Append(RealSeconds.ToString("F1")).Append("s virtual=").Append(VirtualHours.ToString("F1")).Append("h")
                .Append(" exceptions=").Append(Exceptions)
                .Append(" reports ok=").Append(ReportsOk).Append(" dropped=").Append(ReportsDropped).Append(" delivered=").Append(ReportsDelivered)
                .Append(" ok-but-missing=").Append(ReportsOkButMissing).Append(" unaccounted=").Append(ReportsUnaccounted)
                .Append(" commands sent=").Append(CommandsSent).Append(" delivered=").Append(CommandsDelivered)
                .Append(" answered-once=").Append(CommandsAnsweredOnce).Append(" answered-twice=").Append(CommandsAnsweredTwice)
                .Append(" unanswered=").Append(CommandsDeliveredUnanswered).Append(" redelivered=").Append(DuplicateDeliveries)
                .Append(" losses=").Append(Losses).Append(" connect-failures=").Append(ConnectFailures)
                .Append(" longest-outage=").Append(LongestOutageAttempts).Append(" attempts/").Append(LongestOutageVirtualMs).Append("ms")
                .Append(" largest-delay=").Append(LargestDelayMs).Append("ms (max ").Append(MaxBackoffMs).Append(")")
                .Append(" recovered-at-end=").Append(RecoveredAtEnd)
                .Append(" broker-restarts=").Append(BrokerRestarts)
                .Append(" heap warm=").Append(HeapAfterWarmupBytes / 1024).Append("KB end=").Append(HeapAtEndBytes / 1024).Append("KB")
                .Append(" alloc/cycle=").Append(AllocatedPerCycleBytes.ToString("F0")).Append("B")
                .Append(" faults:");
            foreach (KeyValuePair<string, int> fault in Faults)
            {
                s.Append(' ').Append(fault.Key).Append('=').Append(fault.Value);
            }

            return s.ToString();
        }
    }
}
