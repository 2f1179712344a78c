using System;

namespace StmNode.IntegrationTests.Iotda
{
    /// <summary>A platform wall clock the test sets; the emulator's waits still run in real time.</summary>
    public sealed class FixedClock : TimeProvider
    {
        public FixedClock(DateTimeOffset now)
        {
            Now = now;
        }

        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
