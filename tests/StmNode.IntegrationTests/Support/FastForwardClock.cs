using System;
using System.Diagnostics;
using System.Threading;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Support
{
    /// <summary>
    /// Virtual time for the node's schedule over real I/O: Sleep (report periods, backoff delays) jumps ahead without
    /// waiting, while reads from the emulated modem still wait in real time, so nothing the emulator is doing is cut
    /// short. Uptime = real elapsed time + everything skipped.
    /// </summary>
    public sealed class FastForwardClock : IClock
    {
        private static readonly DateTime Start = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
        private readonly Stopwatch _real = Stopwatch.StartNew();
        private long _skippedMs;
        private long _utcOffsetMs;

        public long UptimeMs => _real.ElapsedMilliseconds + Interlocked.Read(ref _skippedMs);

        /// <summary>Time skipped by Sleep: the part of <see cref="UptimeMs"/> nobody waited for.</summary>
        public long SkippedMs => Interlocked.Read(ref _skippedMs);

        public DateTime UtcNow => Start.AddMilliseconds(UptimeMs + Interlocked.Read(ref _utcOffsetMs));

        public bool IsUtcValid => true;

        public void SetUtc(DateTime utc) => Interlocked.Exchange(ref _utcOffsetMs, (long)(utc - Start).TotalMilliseconds - UptimeMs);

        public void Sleep(int milliseconds)
        {
            if (milliseconds > 0)
            {
                Interlocked.Add(ref _skippedMs, milliseconds);
            }
        }
    }
}
