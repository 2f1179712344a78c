using System;
using System.Diagnostics;
using System.Threading;
using StmNode.Ports;

namespace StmNode.Host.Adapters;

/// <summary>
/// Real time on a PC. The wall clock starts from the operating system's (like an ESP32 after SNTP) and a
/// <see cref="SetUtc"/> from the node (modem clock, IoTDA time sync) only shifts this node's view, never the PC's clock.
/// </summary>
public sealed class SystemClock : IClock
{
    private readonly Stopwatch _uptime = Stopwatch.StartNew();
    private long _offsetTicks;

    public long UptimeMs => _uptime.ElapsedMilliseconds;

    public DateTime UtcNow => DateTime.UtcNow.AddTicks(Interlocked.Read(ref _offsetTicks));

    public bool IsUtcValid => true;

    public void SetUtc(DateTime utc) => Interlocked.Exchange(ref _offsetTicks, (utc - DateTime.UtcNow).Ticks);

    public void Sleep(int milliseconds)
    {
        if (milliseconds > 0)
        {
            Thread.Sleep(milliseconds);
        }
    }
}
