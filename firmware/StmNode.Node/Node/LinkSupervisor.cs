using System.Collections;
using StmNode.Cloud;
using StmNode.Config;
using StmNode.Ports;

namespace StmNode.Node
{
    /// <summary>
    /// Keeps the node connected: connect (the link subscribes) → online → (loss) → wait with backoff → recover → connect again.
    /// Transports are tried in the configured order; a modem that keeps failing climbs its escalation ladder
    /// (MQTT reopen → radio cycle → power cycle), then the next transport gets its turn, and a node offline for too
    /// long asks for a reboot. Online on a backup transport, it goes back to a preferred one once that one is connected
    /// and subscribed (checked every failback_check_s). Poll-driven and single-threaded: every wait is a bounded call
    /// on a link.
    /// </summary>
    public sealed partial class LinkSupervisor
    {
        private const string Source = "Link";

        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly ICloudProfile _cloud;
        private readonly NodeConfig _config;
        private readonly ISystemControl _system;
        private readonly Backoff _backoff;
        private readonly Backoff _failbackBackoff;
        private readonly ArrayList _slots = new ArrayList();
        private int _current;
        private long _nextAttemptMs;
        private long _offlineSinceMs;
        private long _nextFailbackMs;
        private bool _everOnline;
        private bool _rebootRequested;
        private bool _roundDone;
        private string _lostReason;

        public LinkSupervisor(IClock clock, ILog log, ICloudProfile cloud, NodeConfig config, ISystemControl system, uint seed)
        {
            _clock = clock;
            _log = log;
            _cloud = cloud;
            _config = config;
            _system = system;
            _backoff = new Backoff(config.BackoffInitialMs, config.BackoffMaxMs, seed);
            _failbackBackoff = new Backoff(config.BackoffInitialMs, config.BackoffMaxMs, seed ^ 0x5A5A5A5A);
            _offlineSinceMs = clock.UptimeMs;
            LastError = "";
        }

        public LinkState State { get; private set; }

        public bool IsOnline
        {
            get { return State == LinkState.Online; }
        }

        /// <summary>Times the node lost an established session.</summary>
        public int ReconnectCount { get; private set; }

        /// <summary>Connect attempts that failed.</summary>
        public int FailedAttempts { get; private set; }

        /// <summary>Increments each time the node comes online, so the node can act once per session.</summary>
        public int SessionCount { get; private set; }

        /// <summary>Times the node went back from a backup transport to a preferred one.</summary>
        public int FailbackCount { get; private set; }

        public string LastError { get; private set; }

        /// <summary>Uptime of the next connect attempt while offline.</summary>
        public long NextAttemptMs
        {
            get { return _nextAttemptMs; }
        }

        /// <summary>Kind of the transport in use or being tried, "none" without any.</summary>
        public string CurrentKind
        {
            get { return _slots.Count == 0 ? "none" : Slot(_current).Link.Kind; }
        }

        /// <summary>Diagnostics of the transport in use, or null.</summary>
        public ILinkInfo CurrentInfo
        {
            get { return _slots.Count == 0 ? null : Slot(_current).Info; }
        }

        /// <summary>Adds a transport; the order of calls is the failover order.</summary>
        public void AddLink(Transport transport)
        {
            IMqttLink link = transport.Link;
            LinkSlot slot = new LinkSlot(link, transport.Recovery, transport.Info);
            slot.PlainPort = transport.PlainPort;
            link.Lost += reason => OnLost(slot, reason);
            _slots.Add(slot);

            // The link owns its subscriptions from here on: it subscribes them in every new broker session.
            string[] filters = _cloud.SubscriptionFilters;
            for (int i = 0; i < filters.Length; i++)
            {
                if (link.Subscribe(filters[i], 1) != LinkResult.Ok)
                {
                    Log(LogLevel.Error, link.Kind + " cannot subscribe to '" + filters[i] + "': " + link.LastError);
                }
            }
        }

        /// <summary>Advances the state machine; when online, lets the link process input for at most pollMs.</summary>
        public void Step(int pollMs)
        {
            if (_slots.Count == 0)
            {
                return;
            }

            if (State == LinkState.Online)
            {
                LinkSlot slot = Slot(_current);
                if (_lostReason == null)
                {
                    slot.Link.Poll(pollMs);
                }

                if (_lostReason == null && !slot.Link.IsConnected)
                {
                    _lostReason = "link reports disconnected";
                }

                if (_lostReason != null)
                {
                    GoOffline(_lostReason);
                    return;
                }

                CheckFailback();
                return;
            }

            long now = _clock.UptimeMs;
            CheckReboot(now);
            if (now >= _nextAttemptMs)
            {
                Attempt();
            }
        }

        /// <summary>
        /// Publishes on the current link (a null message, one the profile could not encode, is refused as an invalid
        /// argument). A failed publish other than a bad argument takes the node offline.
        /// </summary>
        public LinkResult Publish(CloudMessage message, int qos)
        {
            if (message == null)
            {
                return LinkResult.InvalidArgument;
            }

            if (State != LinkState.Online)
            {
                return LinkResult.NotConnected;
            }

            IMqttLink link = Slot(_current).Link;
            LinkResult result = link.Publish(message.Topic, message.Payload, 0, message.Payload.Length, qos);
            if (result != LinkResult.Ok && result != LinkResult.InvalidArgument)
            {
                GoOffline("publish failed: " + link.LastError);
            }

            return result;
        }

        /// <summary>
        /// Takes the oldest message a link received, the current link's first; false when there is none. A link that
        /// is not current keeps what it received before a switch or during a fail-back try: nothing received is lost.
        /// </summary>
        public bool TryTakeMessage(out string topic, out byte[] payload)
        {
            for (int i = 0; i < _slots.Count; i++)
            {
                if (Slot((_current + i) % _slots.Count).Link.TryTakeMessage(out topic, out payload))
                {
                    return true;
                }
            }

            topic = null;
            payload = null;
            return false;
        }

        private void Attempt()
        {
            LinkSlot slot = Slot(_current);
            Escalate(slot);

            State = LinkState.Connecting;
            string credentialError;
            _lostReason = null;
            LinkResult result = Connect(slot, out credentialError);
            if (result == LinkResult.Ok && _lostReason == null)
            {
                State = LinkState.Online;
                slot.Failures = 0;
                _backoff.Reset();
                _failbackBackoff.Reset();
                _nextFailbackMs = _clock.UptimeMs + _config.FailbackCheckSeconds * 1000L;
                _roundDone = false;
                _rebootRequested = false;
                _everOnline = true;
                SessionCount++;
                Log(LogLevel.Info, "online via " + slot.Link.Kind);
                return;
            }

            slot.Failures++;
            FailedAttempts++;
            string detail = credentialError != null ? "credentials: " + credentialError : slot.Link.LastError;
            LastError = slot.Link.Kind + ": " + (detail == null || detail.Length == 0 ? "connect failed" : detail);
            slot.Link.Disconnect();
            State = LinkState.WaitingRetry;
            ScheduleRetry("attempt " + slot.Failures.ToString() + " failed (" + LastError + ")");

            if (slot.Failures >= _config.FailoverAfterFailures)
            {
                // This transport had its ladder; the next one in the order gets its turn with a fresh count.
                slot.Failures = 0;
                if (_current == _slots.Count - 1)
                {
                    _roundDone = true;
                }

                if (_slots.Count > 1)
                {
                    _current = (_current + 1) % _slots.Count;
                    Log(LogLevel.Warning, "failing over to " + Slot(_current).Link.Kind);
                }
            }
        }

        private LinkResult Connect(LinkSlot slot, out string credentialError)
        {
            MqttConnectOptions options = new MqttConnectOptions();
            if (!_cloud.TryCreateConnectOptions(_clock, options, out credentialError))
            {
                // A configuration problem: no point dialling, but keep retrying slowly in case it is time-related.
                return LinkResult.InvalidArgument;
            }

            if (slot.PlainPort > 0)
            {
                options.UseTls = false;
                options.Port = slot.PlainPort;
            }

            return slot.Link.Connect(options);
        }

        private void GoOffline(string reason)
        {
            LinkSlot slot = Slot(_current);
            LastError = slot.Link.Kind + ": " + reason;
            _lostReason = null;
            slot.Link.Disconnect();
            State = LinkState.WaitingRetry;
            _offlineSinceMs = _clock.UptimeMs;
            if (_everOnline)
            {
                ReconnectCount++;
            }

            ScheduleRetry("lost (" + reason + ")");
        }

        private void ScheduleRetry(string why)
        {
            int delay = _backoff.NextDelayMs();
            _nextAttemptMs = _clock.UptimeMs + delay;
            Log(LogLevel.Warning, why + "; next attempt in " + delay.ToString() + " ms");
        }

        private void OnLost(LinkSlot slot, string reason)
        {
            if (_slots.Count > 0 && slot == Slot(_current))
            {
                _lostReason = reason == null || reason.Length == 0 ? "lost" : reason;
            }
        }

        private LinkSlot Slot(int index)
        {
            return (LinkSlot)_slots[index];
        }

        private void Log(LogLevel level, string message)
        {
            if (_log.IsEnabled(level))
            {
                _log.Write(level, Source, message);
            }
        }

        private sealed class LinkSlot
        {
            public readonly IMqttLink Link;
            public readonly IModemRecovery Recovery;
            public readonly ILinkInfo Info;
            public int Failures;
            public int PlainPort;

            public LinkSlot(IMqttLink link, IModemRecovery recovery, ILinkInfo info)
            {
                Link = link;
                Recovery = recovery;
                Info = info;
            }
        }
    }
}
