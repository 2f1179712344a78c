using System;
using System.Diagnostics;
using System.Threading;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Mqtt
{
    /// <summary>Real time for tests that talk to real sockets (unit tests use the virtual ManualClock).</summary>
    internal sealed class StopwatchClock : IClock
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();

        public long UptimeMs => _watch.ElapsedMilliseconds;

        public DateTime UtcNow => DateTime.UtcNow;

        public bool IsUtcValid => true;

        public void SetUtc(DateTime utc)
        {
        }

        public void Sleep(int milliseconds) => Thread.Sleep(milliseconds);
    }
}
