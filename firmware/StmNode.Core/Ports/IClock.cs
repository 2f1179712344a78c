using System;

namespace StmNode.Ports
{
    /// <summary>
    /// Time as Core sees it. Core never calls Thread.Sleep or DateTime.UtcNow itself, so tests run in
    /// virtual time (a manual clock) and never wait.
    /// </summary>
    public interface IClock
    {
        /// <summary>Monotonic milliseconds since start; never jumps when the wall clock is set.</summary>
        long UptimeMs { get; }

        /// <summary>Wall-clock time in UTC. Meaningful only when <see cref="IsUtcValid"/> is true.</summary>
        DateTime UtcNow { get; }

        /// <summary>True once the wall clock was set from SNTP, a modem clock or IoTDA time sync.</summary>
        bool IsUtcValid { get; }

        /// <summary>Sets the wall clock (RTC on the device).</summary>
        void SetUtc(DateTime utc);

        /// <summary>Blocks the calling thread for the given time (a virtual clock just advances).</summary>
        void Sleep(int milliseconds);
    }
}
