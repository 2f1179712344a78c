using System;
using System.Threading;
using nanoFramework.Runtime.Native;
using StmNode.Ports;

namespace StmNode.Adapters
{
    /// <summary>
    /// Time on the ESP32: a monotonic millisecond counter (Environment.TickCount64 from nanoFramework.Runtime.Native),
    /// the RTC as wall clock (set by SNTP after Wi-Fi comes up, by a modem clock, or by IoTDA time sync).
    /// </summary>
    public sealed class Esp32Clock : IClock
    {
        /// <summary>Before SNTP or a time sync the RTC counts from an old default date; any year before this is "not set".</summary>
        private const int FirstPlausibleYear = 2024;

        private bool _set;

        public long UptimeMs
        {
            get { return Environment.TickCount64; }
        }

        public DateTime UtcNow
        {
            get { return DateTime.UtcNow; }
        }

        public bool IsUtcValid
        {
            get { return _set || DateTime.UtcNow.Year >= FirstPlausibleYear; }
        }

        public void SetUtc(DateTime utc)
        {
            _set = Rtc.SetSystemTime(utc) || _set;
        }

        public void Sleep(int milliseconds)
        {
            if (milliseconds > 0)
            {
                Thread.Sleep(milliseconds);
            }
        }
    }
}
