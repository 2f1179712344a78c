using System;
using StmNode.Cloud;
using StmNode.Config;
using StmNode.Leds;
using StmNode.Ports;
using StmNode.Sensors;

namespace StmNode.Node
{
    /// <summary>
    /// The node: samples the sensors, reports periodically and on alarm edges, buffers reports while offline and
    /// replays them in order, obeys LED commands and property sets (each answered once per request id), sends diag,
    /// and keeps the clock in time. Single-threaded and poll-driven: the app calls <see cref="Step"/> forever (or
    /// <see cref="Run"/>), tests call it step by step in virtual time.
    /// </summary>
    public sealed class NodeController
    {
        /// <summary>Longest time one step lets the link wait for input.</summary>
        public const int PollMs = 50;

        /// <summary>Re-synchronise the clock with IoTDA this often (and at once while it is not set).</summary>
        public const long TimeSyncPeriodMs = 6L * 3600 * 1000;

        /// <summary>
        /// How long a new session holds back reports made offline before the clock was ever set: IoTDA's time sync
        /// answer usually comes within a second, and with it their real event time. After this they go without one.
        /// </summary>
        public const int ClockWaitMs = 5000;

        private const string Source = "Node";
        private const int ReportQos = 1;
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0);

        private readonly NodeConfig _config;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly ICloudProfile _profile;
        private readonly CloudUplink _uplink;
        private readonly SensorBoard _sensors;
        private readonly LedBank _leds;
        private readonly ISystemControl _system;
        private readonly LinkSupervisor _links;
        private readonly ReportBuffer _buffer;
        private readonly RequestCache _requests = new RequestCache(16);
        private readonly DownlinkHandler _handler;
        private long _nextSensorMs;
        private long _nextReportMs;
        private long _nextDiagMs;
        private long _lastAlarmReportMs = long.MinValue / 2;
        private long _lastSendMs = long.MinValue / 2;
        private bool _alarmPending;
        private NodeReport _alarmReport;
        private int _seenSession;
        private long _timeSyncSentDeviceMs = -1;
        private long _nextTimeSyncMs;
        private long _sessionStartMs;
        private bool _stop;

        /// <summary>
        /// The profile checks downlinks against a device model: give it the node's (<see cref="Stm32Service.CreateDeviceModel"/>),
        /// so commands and property sets arrive with known names and values in range.
        /// </summary>
        public NodeController(NodeConfig config, IClock clock, ILog log, ICloudProfile profile, SensorBoard sensors,
            LedBank leds, ISystemControl system, uint seed)
        {
            _config = config;
            _clock = clock;
            _log = log;
            _profile = profile;
            _uplink = new CloudUplink(profile);
            _sensors = sensors;
            _leds = leds;
            _system = system;
            _links = new LinkSupervisor(clock, log, profile, config, system, seed);
            _buffer = new ReportBuffer(config.OfflineBufferCapacity);
            _handler = new DownlinkHandler(config, leds);

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

        /// <summary>Completed steps; the watchdog checks that it keeps growing.</summary>
        public long StepCount { get; private set; }

        /// <summary>Reports dropped because they could not be encoded or were refused as malformed.</summary>
        public int UnsendableReports { get; private set; }

        /// <summary>Cloud messages that could not be understood.</summary>
        public int DownlinkErrors { get; private set; }

        /// <summary>Sensor reports (the main service) the link accepted.</summary>
        public int ReportsPublished { get; private set; }

        /// <summary>Diagnostic reports the link accepted.</summary>
        public int DiagReportsPublished { get; private set; }

        /// <summary>Commands, property sets and property gets answered (a repeated request id counts again).</summary>
        public int CommandsHandled { get; private set; }

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

        /// <summary>Adds a transport (in failover order); recovery and info may be null.</summary>
        public void AddLink(IMqttLink link, IModemRecovery recovery, ILinkInfo info)
        {
            _links.AddLink(link, recovery, info, 0);
        }

        /// <summary>Adds a transport without TLS that connects to plainPort instead (see <see cref="LinkSupervisor"/>).</summary>
        public void AddLink(IMqttLink link, IModemRecovery recovery, ILinkInfo info, int plainPort)
        {
            _links.AddLink(link, recovery, info, plainPort);
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
                _sessionStartMs = _clock.UptimeMs;
                SetClockFromNetwork();
                _nextTimeSyncMs = _clock.IsUtcValid ? _clock.UptimeMs + TimeSyncPeriodMs : _clock.UptimeMs;
            }

            string topic;
            byte[] payload;
            while (_links.TryTakeMessage(out topic, out payload))
            {
                HandleMessage(topic, payload);
            }

            SendTimeSync();
            SendAlarmReport();
            SendBuffered();
            StepCount++;
        }

        private void ScheduleReports(long now)
        {
            if (_handler.SettingsChanged)
            {
                _handler.SettingsChanged = false;
                _sensors.Apply(_config);
                long next = now + _config.ReportPeriodSeconds * 1000L;
                if (next < _nextReportMs)
                {
                    _nextReportMs = next;
                }

                long nextDiag = now + _config.DiagPeriodSeconds * 1000L;
                if (nextDiag < _nextDiagMs)
                {
                    _nextDiagMs = nextDiag;
                }
            }

            bool due = now >= _nextReportMs || _handler.ReportRequested;
            bool alarm = false;
            if (_alarmPending && now - _lastAlarmReportMs >= _config.AlarmMinIntervalSeconds * 1000L)
            {
                _alarmPending = false;
                _lastAlarmReportMs = now;
                alarm = true;
            }

            if (due || alarm)
            {
                _handler.ReportRequested = false;
                _nextReportMs = now + _config.ReportPeriodSeconds * 1000L;
                NodeReport report = MakeReport(now);
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
                _nextDiagMs = now + _config.DiagPeriodSeconds * 1000L;
                _buffer.Add(MakeDiag(now));
            }
        }

        private NodeReport MakeReport(long now)
        {
            NodeReport report = NewReport(Stm32Service.Id, now);
            _sensors.AddTo(report, now);
            report.AddInt(Stm32Service.Led1.Name, _leds.IsOn(1) ? 1 : 0);
            report.AddInt(Stm32Service.Led2.Name, _leds.IsOn(2) ? 1 : 0);
            report.AddInt(Stm32Service.Led3.Name, _leds.IsOn(3) ? 1 : 0);
            return report;
        }

        private NodeReport MakeDiag(long now)
        {
            NodeReport report = NewReport(DiagService.Id, now);
            report.AddInt(DiagService.Uptime.Name, (int)(now / 1000));
            report.AddString(DiagService.ResetReason.Name, _system.ResetReason);
            // The property is an int: a port reporting more (a PC) is clamped, a negative figure means unknown.
            long free = _system.FreeMemoryBytes;
            if (free >= 0)
            {
                report.AddInt(DiagService.FreeMemory.Name, free > int.MaxValue ? int.MaxValue : (int)free);
            }

            report.AddString(DiagService.Link.Name, _links.CurrentKind);
            ILinkInfo info = _links.CurrentInfo;

            // One read: on a modem each is an AT command, and a second one may fail and give 0 ("unknown").
            int signalDbm = info == null ? 0 : info.SignalDbm;
            if (signalDbm != 0)
            {
                report.AddInt(DiagService.Signal.Name, signalDbm);
            }

            report.AddInt(DiagService.Reconnects.Name, _links.ReconnectCount);
            report.AddString(DiagService.LastError.Name, _links.LastError);
            report.AddInt(DiagService.Buffered.Name, _buffer.Count);
            report.AddInt(DiagService.Dropped.Name, _buffer.DroppedCount);
            report.AddString(DiagService.Firmware.Name, _system.FirmwareVersion);
            if (info != null && info.Imei != null && info.Imei.Length > 0)
            {
                report.AddString(DiagService.Imei.Name, info.Imei);
            }

            if (info != null && info.Iccid != null && info.Iccid.Length > 0)
            {
                report.AddString(DiagService.Iccid.Name, info.Iccid);
            }

            report.AddInt(DiagService.SensorErrors.Name, _sensors.ErrorCount + _sensors.OmittedCount);
            report.AddString(DiagService.SensorLastError.Name, _sensors.LastError);
            return report;
        }

        private NodeReport NewReport(string service, long now)
        {
            NodeReport report = new NodeReport(service, now);
            if (_clock.IsUtcValid)
            {
                report.SetEventTime(_clock.UtcNow);
            }

            return report;
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

            // A fresh report needs no time (the platform's receive time is right); one from the backlog does.
            if (!report.HasEventTime && !_clock.IsUtcValid && report.CreatedUptimeMs < _sessionStartMs
                && now - _sessionStartMs < ClockWaitMs)
            {
                return;
            }

            if (!report.HasEventTime && _clock.IsUtcValid)
            {
                // Made before the clock was set: its age on the monotonic clock gives the real time.
                report.SetEventTime(_clock.UtcNow.AddTicks(-(now - report.CreatedUptimeMs) * TimeSpan.TicksPerMillisecond));
            }

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

        private void HandleMessage(string topic, byte[] payload)
        {
            Downlink downlink = _profile.Decode(topic, payload, 0, payload.Length);
            switch (downlink.Kind)
            {
                case DownlinkKind.Command:
                case DownlinkKind.PropertySet:
                    Answer(downlink);
                    break;
                case DownlinkKind.PropertyGet:
                    CommandsHandled++;
                    Publish(_uplink.Answer(downlink, MakeReport(_clock.UptimeMs)), 0);
                    break;
                case DownlinkKind.LedMessage:
                    if (!downlink.IsOk)
                    {
                        // One bad field refuses the whole message, like a command: nothing of it is applied.
                        DownlinkErrors++;
                        Log(LogLevel.Warning, "message down refused: " + downlink.ErrorDetail);
                    }
                    else if (!_handler.ApplyMessage(downlink))
                    {
                        DownlinkErrors++;
                        Log(LogLevel.Warning, "message down without a usable LED state ignored");
                    }

                    break;
                case DownlinkKind.TimeSync:
                    ApplyTimeSync(downlink);
                    break;
                case DownlinkKind.ReportReply:
                    // An acknowledgement of our own report, not a downlink error; a refusal is worth a log line.
                    if (!downlink.IsOk)
                    {
                        Log(LogLevel.Warning, "the cloud refused a report: " + downlink.ErrorDetail);
                    }

                    break;
                default:
                    DownlinkErrors++;
                    Log(LogLevel.Warning, "ignored message on " + topic + ": "
                        + (downlink.IsOk ? "not a message for the node" : downlink.ErrorDetail));
                    break;
            }
        }

        // Commands and property sets are answered at once (IoTDA gives up after 20 s) and exactly once per request id:
        // a repeated id gets the same answer again and changes nothing.
        private void Answer(Downlink request)
        {
            string requestId = request.RequestId;
            CloudMessage response = requestId == null ? null : _requests.Find(requestId);
            if (response == null)
            {
                Reply reply;
                if (!request.IsOk)
                {
                    // The profile refused the request (bad JSON, unknown name, value out of range): say so, apply nothing.
                    DownlinkErrors++;
                    reply = new Reply(1, request.ErrorDetail == null ? "malformed request" : request.ErrorDetail);
                }
                else
                {
                    reply = request.Kind == DownlinkKind.Command ? _handler.Execute(request) : _handler.ApplySet(request);
                }

                if (!reply.IsSuccess)
                {
                    Log(LogLevel.Warning, Describe(request) + " refused: " + reply.Text);
                }

                response = _uplink.Answer(request, reply);
                if (requestId != null && response != null)
                {
                    _requests.Add(requestId, response);
                }
            }
            else
            {
                Log(LogLevel.Info, "request " + requestId + " seen before: answering again without applying");
            }

            CommandsHandled++;
            Publish(response, 0);
        }

        private static string Describe(Downlink request)
        {
            return request.Kind == DownlinkKind.Command ? "command " + request.CommandName : "property set";
        }

        private void SendTimeSync()
        {
            long now = _clock.UptimeMs;
            if (!_links.IsOnline || now < _nextTimeSyncMs)
            {
                return;
            }

            // Retry in a minute if no answer comes; the real period starts when one does.
            _nextTimeSyncMs = now + 60000;
            _timeSyncSentDeviceMs = DeviceMs();
            Publish(_uplink.TimeSyncRequest(_timeSyncSentDeviceMs), 0);
        }

        // A modem knows the network's time once registered: good enough until IoTDA's time sync answers.
        private void SetClockFromNetwork()
        {
            ILinkInfo info = _links.CurrentInfo;
            DateTime utc;
            if (!_clock.IsUtcValid && info != null && info.TryReadNetworkTime(out utc))
            {
                _clock.SetUtc(utc);
                Log(LogLevel.Info, "clock set from the " + _links.CurrentKind + " network time");
            }
        }

        private void ApplyTimeSync(Downlink answer)
        {
            long serverMs = 0;
            string error = !answer.IsOk ? answer.ErrorDetail
                : _timeSyncSentDeviceMs < 0 ? "no request is waiting"
                : answer.ReadServerTime(_timeSyncSentDeviceMs, DeviceMs(), out serverMs);
            if (error != null)
            {
                DownlinkErrors++;
                Log(LogLevel.Warning, "time sync answer ignored: " + error);
                return;
            }

            _clock.SetUtc(Epoch.AddTicks(serverMs * TimeSpan.TicksPerMillisecond));
            _timeSyncSentDeviceMs = -1;
            _nextTimeSyncMs = _clock.UptimeMs + TimeSyncPeriodMs;
            Log(LogLevel.Info, "clock set from IoTDA time sync");
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

        private long DeviceMs()
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
