using System;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Support
{
    /// <summary>Virtual time for Core in integration tests: Sleep and empty reads advance it, nothing waits.</summary>
    public sealed class VirtualClock : IClock
    {
        private DateTime _utc = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
        private long _setAtMs;

        public long UptimeMs { get; private set; }

        public DateTime UtcNow => _utc.AddMilliseconds(UptimeMs - _setAtMs);

        public bool IsUtcValid { get; private set; }

        public void SetUtc(DateTime utc)
        {
            _utc = utc;
            _setAtMs = UptimeMs;
            IsUtcValid = true;
        }

        public void Sleep(int milliseconds)
        {
            Advance(milliseconds);
        }

        public void Advance(long milliseconds)
        {
            if (milliseconds > 0)
            {
                UptimeMs += milliseconds;
            }
        }
    }
}
