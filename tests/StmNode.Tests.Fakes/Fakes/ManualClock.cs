using System;
using StmNode.Ports;

namespace StmNode.Tests.Fakes
{
    /// <summary>A virtual clock: time moves only when a test (or Sleep) moves it, so nothing ever really waits.</summary>
    public sealed class ManualClock : IClock
    {
        private long _uptimeMs;
        private DateTime _utcAtZero;
        private bool _utcValid;

        public ManualClock()
        {
            _utcAtZero = new DateTime(2026, 1, 1, 0, 0, 0);
        }

        public long UptimeMs
        {
            get { return _uptimeMs; }
        }

        public DateTime UtcNow
        {
            get { return _utcAtZero.AddTicks(_uptimeMs * TimeSpan.TicksPerMillisecond); }
        }

        public bool IsUtcValid
        {
            get { return _utcValid; }
        }

        /// <summary>Total virtual time spent in Sleep, to check that code waited as long as it should.</summary>
        public long SleptMs { get; private set; }

        public void SetUtc(DateTime utc)
        {
            _utcAtZero = utc.AddTicks(-_uptimeMs * TimeSpan.TicksPerMillisecond);
            _utcValid = true;
        }

        public void Sleep(int milliseconds)
        {
            if (milliseconds > 0)
            {
                _uptimeMs += milliseconds;
                SleptMs += milliseconds;
            }
        }

        /// <summary>Moves virtual time forward without counting it as a sleep.</summary>
        public void Advance(long milliseconds)
        {
            _uptimeMs += milliseconds;
        }
    }
}
