using System;
using StmNode.Ports;

namespace StmNode.Benchmarks
{
    /// <summary>A clock that never moves: benchmarks measure processing, not waiting.</summary>
    public sealed class StillClock : IClock
    {
        public long UptimeMs => 0;

        public DateTime UtcNow => ReportJson.EventTime;

        public bool IsUtcValid => true;

        public void SetUtc(DateTime utc)
        {
        }

        public void Sleep(int milliseconds)
        {
        }
    }
}
