using StmNode.Cloud;
using StmNode.Config;
using StmNode.Leds;
using StmNode.Ports;
using StmNode.Sensors;

namespace StmNode.Node
{
    /// <summary>
    /// The node: samples the sensors, reports periodically and on alarm edges, sends diag, buffers reports while
    /// offline and replays them in order. What the cloud sends goes to the <see cref="DownlinkDispatcher"/>, the clock is
    /// kept by the <see cref="ClockKeeper"/>, and the settings the cloud changes live in <see cref="RuntimeSettings"/>.
    /// Single-threaded and poll-driven: the app calls <see cref="Step"/> forever (or <see cref="Run"/>), tests call it
    /// step by step in virtual time.
    /// </summary>
    public sealed class NodeController
    {
        /// <summary>Longest time one step lets the link wait for input.</summary>
        public const int PollMs = 50;

        private const string Source = "Node";
        private const int ReportQos = 1;

        private readonly NodeConfig _config;
        private readonly RuntimeSettings _settings;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly SensorBoard _sensors;
        private readonly LinkSupervisor _links;
        private readonly ReportBuffer _buffer;
        private readonly ReportBuilder _reports;
        private readonly CloudUplink _uplink;
        private readonly DownlinkHandler _handler;
        private readonly ClockKeeper _clockKeeper;
        private readonly DownlinkDispatcher _dispatcher;
        private long _nextSensorMs;
        private long _nextReportMs;
        private long _nextDiagMs;
        private long _lastAlarmReportMs = long.MinValue / 2;
        private long _lastSendMs = long.MinValue / 2;
        private bool _alarmPending;
        private NodeReport _alarmReport;
        private int _seenSession;
        private int _seenSettings;
        private int _seenReportRequests;
        private bool _stop;

        /// <summary>
        /// The profile checks downlinks against a device model: give it the node's (<see cref="Stm32Service.CreateDeviceModel"/>),
        /// so commands and property sets arrive with known names and values in range.
        /// </summary>
        public NodeController(NodeConfig config, IClock clock, ILog log, ICloudProfile profile, SensorBoard sensors,
            LedBank leds, ISystemControl system, uint seed)
        {
            _config = config;
            _settings = new RuntimeSettings(config);
            _clock = clock;
            _log = log;
            _sensors = sensors;
            _links = new LinkSupervisor(clock, log, profile, config, system, seed);
            _buffer = new ReportBuffer(config.OfflineBufferCapacity);
            _reports = new ReportBuilder(clock, sensors, leds, system, _links, _buffer);
            _uplink = new CloudUplink(profile);
            _handler = new DownlinkHandler(_settings, leds);
            _clockKeeper = new ClockKeeper(clock, log, _uplink);
            _dispatcher = new DownlinkDispatcher(clock, log, profile, _uplink, _handler, _clockKeeper, _reports);

            // The first report goes out once the sensors had a moment to settle; diag follows the first report.
            long now = clock.UptimeMs;
            _nextReportMs = now + 2000;
            _nextDiagMs = now + 5000;
        }

        public LinkSupervisor Links
        {
            get { return _links; }
        }

        public ReportBuffer Buffer
        {
            get { return _buffer; }
        }

        /// <summary>The periods and thresholds in force (the configuration's until the cloud changes them).</summary>
        public RuntimeSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>Completed steps; the watchdog checks that it keeps growing.</summary>
        public long StepCount { get; private set; }

        /// <summary>Reports dropped because they could not be encoded or were refused as malformed.</summary>
        public int UnsendableReports { get; private set; }

        /// <summary>Cloud messages that could not be understood or used.</summary>
        public int DownlinkErrors
        {
            get { return _dispatcher.Errors; }
        }

        /// <summary>Sensor reports (the main service) the link accepted.</summary>
        public int ReportsPublished { get; private set; }

        /// <summary>Diagnostic reports the link accepted.</summary>
        public int DiagReportsPublished { get; private set; }

        /// <summary>Commands, property sets and property gets answered (a repeated request id counts again).</summary>
        public int CommandsHandled
        {
            get { return _dispatcher.RequestsAnswered; }
        }

        /// <summary>Publishes of any kind the link did not accept.</summary>
        public int PublishFailures { get; private set; }

        /// <summary>Times the node lost an established session.</summary>
        public int Reconnects
        {
            get { return _links.ReconnectCount; }
        }

        /// <summary>Failed connects, publish failures and cloud messages that could not be understood.</summary>
        public int Errors
        {
            get { return _links.FailedAttempts + PublishFailures + DownlinkErrors; }
        }

        /// <summary>Reports waiting in the offline buffer.</summary>
        public int BufferedReports
        {
            get { return _buffer.Count; }
        }

        /// <summary>Reports dropped because the offline buffer was full.</summary>
        public int DroppedReports
        {
            get { return _buffer.DroppedCount; }
        }

        /// <summary>Adds a transport (in failover order).</summary>
        public void AddLink(Transport transport)
        {
            _links.AddLink(transport);
        }

        /// <summary>Runs <see cref="Step"/> until <see cref="Stop"/> is called.</summary>
        public void Run()
        {
            while (!_stop)
            {
                Step();
                if (!_links.IsOnline)
                {
                    // Online, the link's poll already waited; offline, do not spin.
                    _clock.Sleep(PollMs);
                }
            }
        }

        public void Stop()
        {
            _stop = true;
        }

        /// <summary>One pass of the node loop; bounded by the link calls it makes.</summary>
        public void Step()
        {
            long now = _clock.UptimeMs;
            if (now >= _nextSensorMs)
            {
                _nextSensorMs = now + _config.SensorPollMs;
                if (_sensors.Poll(now))
                {
                    _alarmPending = true;
                }
            }

            ScheduleReports(now);

            _links.Step(PollMs);
            if (_links.IsOnline && _links.SessionCount != _seenSession)
            {
                _seenSession = _links.SessionCount;
                _clockKeeper.SessionStarted(_links.CurrentInfo, _links.CurrentKind);
            }

            string topic;
            byte[] payload;
            CloudMessage answer;
            while (_links.TryTakeMessage(out topic, out payload))
            {
                if (_dispatcher.Handle(topic, payload, out answer))
                {
                    Publish(answer, 0);
                }
            }

            if (_links.IsOnline && _clockKeeper.IsRequestDue)
            {
                Publish(_clockKeeper.TakeRequest(), 0);
            }

            SendAlarmReport();
            SendBuffered();
            StepCount++;
        }

        private void ScheduleReports(long now)
        {
            if (_settings.Changes != _seenSettings)
            {
                _seenSettings = _settings.Changes;
                _sensors.SetGasThreshold(_settings.GasThresholdPercent);
                long next = now + _settings.ReportPeriodSeconds * 1000L;
                if (next < _nextReportMs)
                {
                    _nextReportMs = next;
                }

                long nextDiag = now + _settings.DiagPeriodSeconds * 1000L;
                if (nextDiag < _nextDiagMs)
                {
                    _nextDiagMs = nextDiag;
                }
            }

            bool due = now >= _nextReportMs || _handler.ReportRequests != _seenReportRequests;
            bool alarm = false;
            if (_alarmPending && now - _lastAlarmReportMs >= _settings.AlarmMinIntervalSeconds * 1000L)
            {
                _alarmPending = false;
                _lastAlarmReportMs = now;
                alarm = true;
            }

            if (due || alarm)
            {
                _seenReportRequests = _handler.ReportRequests;
                _nextReportMs = now + _settings.ReportPeriodSeconds * 1000L;
                NodeReport report = _reports.Readings(now);
                if (alarm)
                {
                    _alarmReport = report;
                }
                else
                {
                    _buffer.Add(report);
                }
            }

            if (now >= _nextDiagMs)
            {
                _nextDiagMs = now + _settings.DiagPeriodSeconds * 1000L;
                _buffer.Add(_reports.Diagnostics(now));
            }
        }

        // One buffered report per replay interval, oldest first, so a reconnect after a long outage does not flood the
        // link; a report made while the buffer is empty goes out at once.
        private void SendBuffered()
        {
            NodeReport report = _buffer.Peek();
            long now = _clock.UptimeMs;
            if (report == null || !_links.IsOnline || now - _lastSendMs < _config.ReplayIntervalMs)
            {
                return;
            }

            if (_clockKeeper.IsWorthWaitingFor(report))
            {
                return;
            }

            _reports.StampEventTime(report, now);
            _lastSendMs = now;
            if (PublishReport(report))
            {
                _buffer.RemoveFirst();
            }
        }

        // An alarm edge goes out at once, ahead of a backlog being replayed at its bounded rate (the backlog keeps its
        // order and event times). Offline, or if the publish fails, it joins the end of the buffer like any report.
        private void SendAlarmReport()
        {
            NodeReport report = _alarmReport;
            if (report == null)
            {
                return;
            }

            _alarmReport = null;
            if (!_links.IsOnline || !PublishReport(report))
            {
                _buffer.Add(report);
            }
        }

        // True when the report is done with: sent, or dropped because it can never be sent.
        private bool PublishReport(NodeReport report)
        {
            LinkResult result = Publish(_uplink.Report(report), ReportQos);
            if (result == LinkResult.Ok)
            {
                if (report.ServiceId == Stm32Service.Id)
                {
                    ReportsPublished++;
                }
                else
                {
                    DiagReportsPublished++;
                }
            }
            else if (result == LinkResult.InvalidArgument)
            {
                // A report that cannot be encoded or that the link refuses as malformed would block the queue for ever.
                UnsendableReports++;
                Log(LogLevel.Warning, "dropped a " + report.ServiceId + " report that could not be sent as it is");
            }

            return result == LinkResult.Ok || result == LinkResult.InvalidArgument;
        }

        private LinkResult Publish(CloudMessage message, int qos)
        {
            LinkResult result = _links.Publish(message, qos);
            if (result != LinkResult.Ok)
            {
                PublishFailures++;
            }

            return result;
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
