using System;
using StmNode.Cloud;
using StmNode.Ports;

namespace StmNode.Node
{
    /// <summary>
    /// Keeps the node's clock in time: from the modem's network time when a session starts on a clock that was never
    /// set, and from the cloud's time sync (IoTDA's $time_sync), asked for at once while the clock is not set and then
    /// every <see cref="TimeSyncPeriodMs"/>. The answer is read by the profile's <see cref="Downlink"/>.
    /// </summary>
    public sealed class ClockKeeper
    {
        /// <summary>Re-synchronise the clock with the cloud this often (and at once while it is not set).</summary>
        public const long TimeSyncPeriodMs = 6L * 3600 * 1000;

        /// <summary>A request without an answer is sent again after this long.</summary>
        public const long RetryMs = 60000;

        /// <summary>
        /// How long a new session holds back reports made offline before the clock was ever set: IoTDA's time sync
        /// answer usually comes within a second, and with it their real event time. After this they go without one.
        /// </summary>
        public const int ClockWaitMs = 5000;

        private const string Source = "Clock";
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0);

        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly CloudUplink _uplink;
        private long _requestSentMs = -1;
        private long _nextRequestMs;
        private long _sessionStartMs;

        public ClockKeeper(IClock clock, ILog log, CloudUplink uplink)
        {
            _clock = clock;
            _log = log;
            _uplink = uplink;
        }

        /// <summary>
        /// A session started on the link described by info (may be null): a modem knows the network's time once
        /// registered, good enough until the cloud answers. The next time sync goes out at once unless the clock is set.
        /// </summary>
        public void SessionStarted(ILinkInfo info, string linkKind)
        {
            _sessionStartMs = _clock.UptimeMs;
            DateTime utc;
            if (!_clock.IsUtcValid && info != null && info.TryReadNetworkTime(out utc))
            {
                _clock.SetUtc(utc);
                Log(LogLevel.Info, "clock set from the " + linkKind + " network time");
            }

            _nextRequestMs = _clock.IsUtcValid ? _clock.UptimeMs + TimeSyncPeriodMs : _clock.UptimeMs;
        }

        /// <summary>True when a time sync request is due (never when the cloud has none).</summary>
        public bool IsRequestDue
        {
            get { return _uplink.HasTimeSync && _clock.UptimeMs >= _nextRequestMs; }
        }

        /// <summary>The time sync request to send now (online, when one <see cref="IsRequestDue"/>); null when it cannot be encoded.</summary>
        public CloudMessage TakeRequest()
        {
            // Retry if no answer comes; the real period starts when one does.
            _nextRequestMs = _clock.UptimeMs + RetryMs;
            _requestSentMs = UtcMs();
            return _uplink.TimeSyncRequest(_requestSentMs);
        }

        /// <summary>
        /// True while a report without event time, made before this session, should wait for the clock (at most
        /// <see cref="ClockWaitMs"/>). A fresh report needs no time: the platform's receive time is right.
        /// </summary>
        public bool IsWorthWaitingFor(NodeReport report)
        {
            return !report.HasEventTime && !_clock.IsUtcValid && report.CreatedUptimeMs < _sessionStartMs
                && _clock.UptimeMs - _sessionStartMs < ClockWaitMs;
        }

        /// <summary>Sets the clock from a time sync answer; false (and a log line) when the answer cannot be used.</summary>
        public bool Apply(Downlink answer)
        {
            long serverMs = 0;
            string error = !answer.IsOk ? answer.ErrorDetail
                : _requestSentMs < 0 ? "no request is waiting"
                : answer.ReadServerTime(_requestSentMs, UtcMs(), out serverMs);
            if (error != null)
            {
                Log(LogLevel.Warning, "time sync answer ignored: " + error);
                return false;
            }

            _clock.SetUtc(Epoch.AddTicks(serverMs * TimeSpan.TicksPerMillisecond));
            _requestSentMs = -1;
            _nextRequestMs = _clock.UptimeMs + TimeSyncPeriodMs;
            Log(LogLevel.Info, "clock set from the cloud's time sync");
            return true;
        }

        // The request's time base: the clock's UTC in ms since 1970, set or not (the answer echoes it).
        private long UtcMs()
        {
            return (_clock.UtcNow.Ticks - Epoch.Ticks) / TimeSpan.TicksPerMillisecond;
        }

        private void Log(LogLevel level, string message)
        {
            if (_log.IsEnabled(level))
            {
                _log.Write(level, Source, message);
            }
        }
    }
}
