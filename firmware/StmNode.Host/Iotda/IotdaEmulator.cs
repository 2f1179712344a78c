using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace StmNode.Host.Iotda
{
    /// <summary>
    /// An in-process stand-in for Huawei Cloud IoTDA's MQTT device interface (protocols.md §1) on 127.0.0.1: it checks
    /// CONNECT credentials and topic rights like the platform, stores what devices report, sends commands and property
    /// requests with the platform's timeout, answers <c>$time_sync</c> and drops silent devices.
    /// </summary>
    public sealed class IotdaEmulator : IAsyncDisposable
    {
        /// <summary>Sender id of the platform's own downlinks; no device can use it (it lacks the ClientId shape).</summary>
        private const string PlatformSenderId = "$iotda";
        private const string KeepAliveItem = "iotda.keepalive";
        private const int MaxPayloadBytes = 1024 * 1024;
        private static readonly TimeSpan SilenceCheckPeriod = TimeSpan.FromMilliseconds(100);

        private readonly IotdaEmulatorOptions _options;
        private readonly object _gate = new object();
        private readonly Dictionary<string, IotdaDeviceState> _devices = new Dictionary<string, IotdaDeviceState>(StringComparer.Ordinal);
        private readonly Dictionary<string, TaskCompletionSource<JsonObject>> _pending = new Dictionary<string, TaskCompletionSource<JsonObject>>(StringComparer.Ordinal);
        private readonly List<IotdaProblem> _problems = new List<IotdaProblem>();
        private TaskCompletionSource _changed = NewSignal();
        private MqttServer _server;
        private CancellationTokenSource _stop;
        private Task _silenceWatch;
        private long _connections;
        private long _refusedConnections;
        private long _reports;
        private long _messagesUp;
        private long _eventsUp;
        private long _requestsSent;
        private long _requestsAnswered;
        private long _requestsTimedOut;
        private long _timeSyncAnswers;
        private long _problemCount;

        public IotdaEmulator(IotdaEmulatorOptions options = null)
        {
            _options = options ?? new IotdaEmulatorOptions();
        }

        /// <summary>A properties report was parsed and stored.</summary>
        public event Action<IotdaPropertyReport> ReportReceived;

        /// <summary>A message up was stored.</summary>
        public event Action<IotdaMessageUp> MessageReceived;

        /// <summary>An event up (one service entry) was stored.</summary>
        public event Action<IotdaEventUp> EventReceived;

        /// <summary>A protocol problem was recorded.</summary>
        public event Action<IotdaProblem> ProblemRecorded;

        public string Host => "127.0.0.1";

        /// <summary>The listening port, valid after <see cref="StartAsync"/>.</summary>
        public int Port { get; private set; }

        public bool IsRunning => _server != null;

        /// <summary>Adds a device or replaces its secret, like registering it in the console.</summary>
        public void RegisterDevice(string deviceId, string secret)
        {
            ArgumentException.ThrowIfNullOrEmpty(deviceId);
            ArgumentException.ThrowIfNullOrEmpty(secret);
            lock (_gate)
            {
                if (_devices.TryGetValue(deviceId, out var device))
                {
                    device.Secret = secret;
                }
                else
                {
                    _devices.Add(deviceId, new IotdaDeviceState(deviceId, secret));
                }
            }
        }

        public async Task StartAsync()
        {
            if (_server != null)
            {
                throw new InvalidOperationException("The IoTDA emulator is already running.");
            }

            var factory = new MqttServerFactory();
            var serverOptions = factory.CreateServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
                .WithDefaultEndpointPort(_options.Port)
                .Build();
            var server = factory.CreateMqttServer(serverOptions, new[] { new IotdaConnectTap(factory.DefaultServerAdapters[0](factory)) });
            server.ValidatingConnectionAsync += OnValidatingConnectionAsync;
            server.ClientConnectedAsync += OnClientConnectedAsync;
            server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
            server.InterceptingInboundPacketAsync += OnInboundPacketAsync;
            server.InterceptingSubscriptionAsync += OnSubscriptionAsync;
            server.InterceptingPublishAsync += OnPublishAsync;
            server.ApplicationMessageNotConsumedAsync += OnNotConsumedAsync;
            try
            {
                await server.StartAsync().ConfigureAwait(false);
            }
            catch
            {
                server.Dispose();
                throw;
            }

            // MQTTnet writes the port the OS chose for port 0 back into the endpoint options.
            Port = serverOptions.DefaultEndpointOptions.Port;
            _server = server;
            _stop = new CancellationTokenSource();
            _silenceWatch = Task.Run(() => WatchSilenceAsync(_stop.Token));
            WriteLog($"IoTDA emulator listening on {Host}:{Port}");
        }

        public async Task StopAsync()
        {
            var server = _server;
            if (server == null)
            {
                return;
            }

            _server = null;
            _stop.Cancel();
            await _silenceWatch.ConfigureAwait(false);
            _stop.Dispose();
            lock (_gate)
            {
                foreach (var pending in _pending.Values)
                {
                    pending.TrySetResult(null);
                }
            }

            await server.StopAsync().ConfigureAwait(false);
            server.Dispose();
            lock (_gate)
            {
                foreach (var device in _devices.Values)
                {
                    device.Disconnected();
                }

                PulseLocked();
            }

            WriteLog("IoTDA emulator stopped");
        }

        public ValueTask DisposeAsync() => new ValueTask(StopAsync());

        // ---- queries -------------------------------------------------------------------------------------------------

        public bool IsOnline(string deviceId)
        {
            lock (_gate)
            {
                return _devices.TryGetValue(deviceId, out var device) && device.IsOnline;
            }
        }

        public IReadOnlyList<IotdaDeviceStatus> GetDevices()
        {
            lock (_gate)
            {
                return _devices.Values.OrderBy(d => d.DeviceId, StringComparer.Ordinal).Select(StatusOf).ToList();
            }
        }

        /// <summary>The status of one device, or null when it is not registered.</summary>
        public IotdaDeviceStatus GetDevice(string deviceId)
        {
            lock (_gate)
            {
                return _devices.TryGetValue(deviceId, out var device) ? StatusOf(device) : null;
            }
        }

        public IReadOnlyList<IotdaPropertyReport> GetReports(string deviceId) => Snapshot(deviceId, d => d.Reports);

        /// <summary>The newest stored report of a device, or null.</summary>
        public IotdaPropertyReport GetLastReport(string deviceId) => GetReports(deviceId).LastOrDefault();

        public IReadOnlyList<IotdaMessageUp> GetMessagesUp(string deviceId) => Snapshot(deviceId, d => d.MessagesUp);

        public IReadOnlyList<IotdaEventUp> GetEventsUp(string deviceId) => Snapshot(deviceId, d => d.EventsUp);

        public IReadOnlyList<IotdaProblem> GetProblems()
        {
            lock (_gate)
            {
                return _problems.ToList();
            }
        }

        public IotdaCounters GetCounters()
        {
            lock (_gate)
            {
                return new IotdaCounters(_connections, _refusedConnections, _reports, _messagesUp, _eventsUp,
                    _requestsSent, _requestsAnswered, _requestsTimedOut, _timeSyncAnswers, _problemCount);
            }
        }

        // ---- bounded waits for tests ----------------------------------------------------------------------------------

        /// <summary>The first stored report (already received or arriving) that matches, or null after the timeout.</summary>
        public Task<IotdaPropertyReport> WaitForReportAsync(
            string deviceId, Func<IotdaPropertyReport, bool> predicate, TimeSpan timeout) =>
            WaitForAsync(() => FindLocked(deviceId, d => d.Reports, predicate), timeout);

        public Task<IotdaMessageUp> WaitForMessageAsync(string deviceId, Func<IotdaMessageUp, bool> predicate, TimeSpan timeout) =>
            WaitForAsync(() => FindLocked(deviceId, d => d.MessagesUp, predicate), timeout);

        public Task<IotdaEventUp> WaitForEventAsync(string deviceId, Func<IotdaEventUp, bool> predicate, TimeSpan timeout) =>
            WaitForAsync(() => FindLocked(deviceId, d => d.EventsUp, predicate), timeout);

        public Task<IotdaProblem> WaitForProblemAsync(Func<IotdaProblem, bool> predicate, TimeSpan timeout) =>
            WaitForAsync(() => _problems.FirstOrDefault(predicate), timeout);

        /// <summary>True once the device's online state equals <paramref name="online"/>; false after the timeout.</summary>
        public async Task<bool> WaitForOnlineAsync(string deviceId, bool online, TimeSpan timeout)
        {
            var hit = await WaitForAsync(
                () => _devices.TryGetValue(deviceId, out var d) && d.IsOnline == online ? d : null, timeout).ConfigureAwait(false);
            return hit != null;
        }

        // ---- platform to device ---------------------------------------------------------------------------------------

        /// <summary>Sends a command and waits for the device's response like the platform's synchronous command API.</summary>
        public Task<IotdaRequestResult> SendCommandAsync(
            string deviceId, string serviceId, string commandName, JsonObject paras, CancellationToken cancellationToken = default)
        {
            var body = IotdaBodies.CommandRequest(deviceId, serviceId, commandName, paras);
            return RequestAsync(deviceId, IotdaUpTopicKind.CommandResponse, IotdaTopics.CommandRequest, body,
                IotdaRequestResult.CommandTimeoutErrorCode, "Command request timed out", cancellationToken);
        }

        /// <summary>Writes properties of one service (property set) and waits for the device's response.</summary>
        public Task<IotdaRequestResult> SetPropertiesAsync(
            string deviceId, string serviceId, JsonObject properties, CancellationToken cancellationToken = default)
        {
            var body = IotdaBodies.PropertiesSetRequest(deviceId, serviceId, properties);

            // The platform's error code for a property timeout is not documented (protocols.md §1.5), so none is given.
            return RequestAsync(deviceId, IotdaUpTopicKind.PropertiesSetResponse, IotdaTopics.PropertiesSetRequest, body,
                null, "Property set request timed out", cancellationToken);
        }

        /// <summary>Reads properties (property get; all services when <paramref name="serviceId"/> is null).</summary>
        public Task<IotdaRequestResult> GetPropertiesAsync(
            string deviceId, string serviceId, CancellationToken cancellationToken = default)
        {
            var body = IotdaBodies.PropertiesGetRequest(deviceId, serviceId);
            return RequestAsync(deviceId, IotdaUpTopicKind.PropertiesGetResponse, IotdaTopics.PropertiesGetRequest, body,
                null, "Property get request timed out", cancellationToken);
        }

        /// <summary>Sends a message down; false when the device is offline (nothing is queued for MQTT devices).</summary>
        public async Task<bool> SendMessageAsync(string deviceId, string payload, CancellationToken cancellationToken = default)
        {
            if (!IsOnline(deviceId))
            {
                return false;
            }

            return await PublishDownAsync(IotdaTopics.MessagesDown(deviceId), payload, cancellationToken).ConfigureAwait(false);
        }

        private async Task<IotdaRequestResult> RequestAsync(
            string deviceId, IotdaUpTopicKind responseKind, Func<string, string, string> topicOf, JsonObject body,
            string timeoutCode, string timeoutMessage, CancellationToken cancellationToken)
        {
            var requestId = Guid.NewGuid().ToString();
            var key = PendingKey(responseKind, deviceId, requestId);
            var response = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                if (!_devices.TryGetValue(deviceId, out var device) || !device.IsOnline || _server == null)
                {
                    return new IotdaRequestResult(requestId, IotdaRequestOutcome.DeviceOffline, null, null, "The device is not online");
                }

                _pending.Add(key, response);
                _requestsSent++;
            }

            try
            {
                var topic = topicOf(deviceId, requestId);
                WriteLog($"{deviceId}: request {topic}");
                if (!await PublishDownAsync(topic, body.ToJsonString(), cancellationToken).ConfigureAwait(false))
                {
                    return new IotdaRequestResult(requestId, IotdaRequestOutcome.Stopped, null, null, "The emulator is stopped");
                }

                var answer = await response.Task.WaitAsync(_options.RequestTimeout, cancellationToken).ConfigureAwait(false);
                return answer == null
                    ? new IotdaRequestResult(requestId, IotdaRequestOutcome.Stopped, null, null, "The emulator is stopped")
                    : new IotdaRequestResult(requestId, IotdaRequestOutcome.Answered, answer, null, null);
            }
            catch (TimeoutException)
            {
                lock (_gate)
                {
                    _requestsTimedOut++;
                }

                WriteLog($"{deviceId}: request {requestId} timed out after {_options.RequestTimeout.TotalSeconds:0.###} s");
                return new IotdaRequestResult(requestId, IotdaRequestOutcome.TimedOut, null, timeoutCode, timeoutMessage);
            }
            finally
            {
                lock (_gate)
                {
                    _pending.Remove(key);
                }
            }
        }

        /// <summary>Publishes a platform downlink at QoS 1; false when the emulator is not running.</summary>
        private async Task<bool> PublishDownAsync(string topic, string payload, CancellationToken cancellationToken)
        {
            var server = _server;
            if (server == null)
            {
                return false;
            }

            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            try
            {
                await server.InjectApplicationMessage(
                    new InjectedMqttApplicationMessage(message) { SenderClientId = PlatformSenderId }, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (InvalidOperationException)
            {
                // Stopped between the check and the injection.
                return false;
            }
        }

        // ---- CONNECT -------------------------------------------------------------------------------------------------

        private Task OnValidatingConnectionAsync(ValidatingConnectionEventArgs args)
        {
            var keepAlive = (int)args.KeepAlivePeriod.GetValueOrDefault();

            // MQTTnet 5.2 does not expose the will flag here; the tap's channel saw the CONNECT packet.
            var hasWill = args.ChannelAdapter is IotdaConnectChannel channel && channel.HasWill;
            var refusal = IotdaConnectCheck.Check(args.ClientId, args.UserName, args.Password, keepAlive,
                hasWill, SecretOf, _options.Clock.GetUtcNow(), _options.TimestampTolerance, out var reason);
            if (refusal == MqttConnectReasonCode.Success)
            {
                args.SessionItems[KeepAliveItem] = keepAlive;
                return Task.CompletedTask;
            }

            args.ReasonCode = refusal;
            var who = IotdaClientId.TryParse(args.ClientId, out var id) ? id.DeviceId : args.ClientId ?? "";
            lock (_gate)
            {
                _refusedConnections++;
            }

            RecordProblem(who, IotdaProblemKind.ConnectRefused, reason);
            return Task.CompletedTask;
        }

        private string SecretOf(string deviceId)
        {
            lock (_gate)
            {
                return _devices.TryGetValue(deviceId, out var device) ? device.Secret : null;
            }
        }

        private Task OnClientConnectedAsync(ClientConnectedEventArgs args)
        {
            if (!IotdaClientId.TryParse(args.ClientId, out var id))
            {
                return Task.CompletedTask;
            }

            var keepAlive = args.SessionItems[KeepAliveItem] is int k ? k : IotdaConnectCheck.MinKeepAliveSeconds;
            string replacedClientId = null;
            lock (_gate)
            {
                if (!_devices.TryGetValue(id.DeviceId, out var device))
                {
                    return Task.CompletedTask;
                }

                // Same device, other ClientId (e.g. a new timestamp): IoTDA allows one connection per device.
                if (device.IsOnline && device.ClientId != args.ClientId)
                {
                    replacedClientId = device.ClientId;
                }

                device.ClientId = args.ClientId;
                device.Endpoint = args.RemoteEndPoint?.ToString();
                device.ConnectedAt = _options.Clock.GetUtcNow();
                device.KeepAliveSeconds = keepAlive;
                device.LastHeardMs = Environment.TickCount64;
                _connections++;
                PulseLocked();
            }

            WriteLog($"{id.DeviceId}: connected as {args.ClientId} from {args.RemoteEndPoint}, keep-alive {keepAlive} s");
            if (replacedClientId != null)
            {
                RecordProblem(id.DeviceId, IotdaProblemKind.ConnectionReplaced, $"connection {replacedClientId} replaced by {args.ClientId}");
                _ = DropClientAsync(replacedClientId, MqttDisconnectReasonCode.SessionTakenOver);
            }

            return Task.CompletedTask;
        }

        private Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs args)
        {
            if (!IotdaClientId.TryParse(args.ClientId, out var id))
            {
                return Task.CompletedTask;
            }

            lock (_gate)
            {
                // Only the live connection counts: a replaced one must not mark its successor offline.
                if (!_devices.TryGetValue(id.DeviceId, out var device) || device.ClientId != args.ClientId
                    || device.Endpoint != args.RemoteEndPoint?.ToString())
                {
                    return Task.CompletedTask;
                }

                device.Disconnected();
                PulseLocked();
            }

            WriteLog($"{id.DeviceId}: disconnected ({args.DisconnectType})");

            // A new CONNECT with the same ClientId: MQTTnet takes the session over and reports the old link here.
            if (args.DisconnectType == MqttClientDisconnectType.Takeover)
            {
                RecordProblem(id.DeviceId, IotdaProblemKind.ConnectionReplaced, $"connection {args.ClientId} taken over by a new one");
            }

            return Task.CompletedTask;
        }

        private async Task DropClientAsync(string clientId, MqttDisconnectReasonCode reason)
        {
            var server = _server;
            if (server == null)
            {
                return;
            }

            try
            {
                await server.DisconnectClientAsync(clientId, new MqttServerClientDisconnectOptions { ReasonCode = reason }).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            catch (Exception e)
            {
                WriteLog($"dropping {clientId} failed: {e.Message}");
            }
        }

        // ---- keep-alive ----------------------------------------------------------------------------------------------

        private Task OnInboundPacketAsync(InterceptingPacketEventArgs args)
        {
            if (IotdaClientId.TryParse(args.ClientId, out var id))
            {
                lock (_gate)
                {
                    if (_devices.TryGetValue(id.DeviceId, out var device) && device.ClientId == args.ClientId)
                    {
                        device.LastHeardMs = Environment.TickCount64;
                    }
                }
            }

            return Task.CompletedTask;
        }

        private async Task WatchSilenceAsync(CancellationToken stop)
        {
            using var timer = new PeriodicTimer(SilenceCheckPeriod);
            try
            {
                while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
                {
                    foreach (var (deviceId, clientId, silentMs) in FindSilent())
                    {
                        RecordProblem(deviceId, IotdaProblemKind.KeepAliveExpired, $"silent for {silentMs} ms");
                        await DropClientAsync(clientId, MqttDisconnectReasonCode.KeepAliveTimeout).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        private List<(string DeviceId, string ClientId, long SilentMs)> FindSilent()
        {
            var silent = new List<(string, string, long)>();
            var now = Environment.TickCount64;
            lock (_gate)
            {
                foreach (var device in _devices.Values)
                {
                    if (!device.IsOnline)
                    {
                        continue;
                    }

                    var limitMs = (long)(device.KeepAliveSeconds * 1000 * _options.SilenceFactor);
                    var silentMs = now - device.LastHeardMs;
                    if (silentMs > limitMs)
                    {
                        silent.Add((device.DeviceId, device.ClientId, silentMs));

                        // Not again before another full period, while the disconnect is under way.
                        device.LastHeardMs = now;
                    }
                }
            }

            return silent;
        }

        // ---- SUBSCRIBE and PUBLISH -----------------------------------------------------------------------------------

        private Task OnSubscriptionAsync(InterceptingSubscriptionEventArgs args)
        {
            var filter = args.TopicFilter.Topic;
            var deviceId = IotdaClientId.TryParse(args.ClientId, out var id) ? id.DeviceId : null;
            if (deviceId == null || !IotdaTopics.IsOwnFilter(deviceId, filter))
            {
                RefuseSubscription(args, deviceId ?? args.ClientId, IotdaProblemKind.ForeignTopic, $"subscribe to \"{filter}\"");
            }
            else if (args.TopicFilter.QualityOfServiceLevel == MqttQualityOfServiceLevel.ExactlyOnce)
            {
                RefuseSubscription(args, deviceId, IotdaProblemKind.QosNotSupported, $"subscribe to \"{filter}\" with QoS 2");
            }

            return Task.CompletedTask;
        }

        private void RefuseSubscription(InterceptingSubscriptionEventArgs args, string who, IotdaProblemKind kind, string detail)
        {
            // An MQTT 3.1.1 SUBACK can only say "failure" (0x80) for the filter.
            args.ProcessSubscription = false;
            args.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            RecordProblem(who, kind, detail);
        }

        private async Task OnPublishAsync(InterceptingPublishEventArgs args)
        {
            if (args.ClientId == PlatformSenderId)
            {
                return;
            }

            // Everything a device publishes is consumed by the platform, never routed to other clients.
            args.ProcessPublish = false;
            var message = args.ApplicationMessage;
            if (!IotdaClientId.TryParse(args.ClientId, out var id))
            {
                args.CloseConnection = true;
                return;
            }

            var deviceId = id.DeviceId;
            if (message.QualityOfServiceLevel == MqttQualityOfServiceLevel.ExactlyOnce)
            {
                args.CloseConnection = true;
                RecordProblem(deviceId, IotdaProblemKind.QosNotSupported, $"publish to \"{message.Topic}\" with QoS 2");
                return;
            }

            if (message.Retain)
            {
                args.CloseConnection = true;
                RecordProblem(deviceId, IotdaProblemKind.RetainNotSupported, $"retained publish to \"{message.Topic}\"");
                return;
            }

            var kind = IotdaTopics.Classify(deviceId, message.Topic, out var requestId);
            if (kind == IotdaUpTopicKind.Foreign)
            {
                args.CloseConnection = true;
                RecordProblem(deviceId, IotdaProblemKind.ForeignTopic, $"publish to \"{message.Topic}\"");
                return;
            }

            if (message.Payload.Length > MaxPayloadBytes)
            {
                RecordProblem(deviceId, IotdaProblemKind.PayloadTooLarge, $"{message.Payload.Length} bytes to \"{message.Topic}\"");
                return;
            }

            var receivedAt = _options.Clock.GetUtcNow();
            var payload = message.Payload.ToArray();
            switch (kind)
            {
                case IotdaUpTopicKind.PropertiesReport:
                    OnReport(deviceId, message.Topic, payload, receivedAt);
                    break;
                case IotdaUpTopicKind.MessageUp:
                    Store(deviceId, d => d.MessagesUp, d => { d.MessageUpCount++; _messagesUp++; },
                        new IotdaMessageUp(deviceId, receivedAt, message.Topic, payload), MessageReceived);
                    break;
                case IotdaUpTopicKind.EventUp:
                    await OnEventUpAsync(deviceId, payload, receivedAt).ConfigureAwait(false);
                    break;
                case IotdaUpTopicKind.CommandResponse:
                case IotdaUpTopicKind.PropertiesSetResponse:
                case IotdaUpTopicKind.PropertiesGetResponse:
                    OnResponse(deviceId, kind, requestId, message.Topic, payload);
                    break;
                default:
                    RecordProblem(deviceId, IotdaProblemKind.UnsupportedTopic, $"publish to \"{message.Topic}\" is not emulated");
                    break;
            }
        }

        private void OnReport(string deviceId, string topic, byte[] payload, DateTimeOffset receivedAt)
        {
            if (!IotdaJson.TryParseObject(payload, out var body, out var error)
                || !IotdaJson.TryReadServices(body, true, out var services, out error))
            {
                RecordProblem(deviceId, IotdaProblemKind.MalformedBody, $"properties report: {error}");
                return;
            }

            Store(deviceId, d => d.Reports, d => { d.ReportCount++; _reports++; },
                new IotdaPropertyReport(deviceId, receivedAt, topic, services, body), ReportReceived);
        }

        private async Task OnEventUpAsync(string deviceId, byte[] payload, DateTimeOffset receivedAt)
        {
            if (!IotdaJson.TryParseObject(payload, out var body, out var error)
                || !IotdaJson.TryReadServices(body, false, out _, out error))
            {
                RecordProblem(deviceId, IotdaProblemKind.MalformedBody, $"event up: {error}");
                return;
            }

            foreach (var service in body["services"].AsArray().OfType<JsonObject>())
            {
                IotdaJson.TryGetString(service, "service_id", out var serviceId);
                IotdaJson.TryGetString(service, "event_type", out var eventType);
                var paras = service["paras"] as JsonObject;
                Store(deviceId, d => d.EventsUp, d => { d.EventUpCount++; _eventsUp++; },
                    new IotdaEventUp(deviceId, receivedAt, serviceId, eventType, paras), EventReceived);
                if (serviceId == "$time_sync" && eventType == "time_sync_request")
                {
                    await AnswerTimeSyncAsync(deviceId, paras, receivedAt).ConfigureAwait(false);
                }
            }
        }

        private async Task AnswerTimeSyncAsync(string deviceId, JsonObject paras, DateTimeOffset receivedAt)
        {
            if (!IotdaJson.TryGetInt64(paras, "device_send_time", out var deviceSendTime))
            {
                RecordProblem(deviceId, IotdaProblemKind.MalformedBody, "time sync request without an integer \"device_send_time\"");
                return;
            }

            var body = IotdaBodies.TimeSyncResponse(deviceId, deviceSendTime, receivedAt, _options.Clock.GetUtcNow());
            if (await PublishDownAsync(IotdaTopics.EventsDown(deviceId), body.ToJsonString(), CancellationToken.None).ConfigureAwait(false))
            {
                lock (_gate)
                {
                    _timeSyncAnswers++;
                }
            }
        }

        private void OnResponse(string deviceId, IotdaUpTopicKind kind, string requestId, string topic, byte[] payload)
        {
            // A malformed response leaves the request pending, so the caller sees the platform's timeout.
            if (!IotdaJson.TryParseObject(payload, out var body, out var error))
            {
                RecordProblem(deviceId, IotdaProblemKind.MalformedBody, $"response on \"{topic}\": {error}");
                return;
            }

            TaskCompletionSource<JsonObject> pending;
            lock (_gate)
            {
                if (_pending.TryGetValue(PendingKey(kind, deviceId, requestId), out pending))
                {
                    _requestsAnswered++;
                }
            }

            if (pending == null)
            {
                RecordProblem(deviceId, IotdaProblemKind.UnexpectedResponse, $"no pending request for \"{topic}\"");
                return;
            }

            pending.TrySetResult(body);
        }

        private Task OnNotConsumedAsync(ApplicationMessageNotConsumedEventArgs args)
        {
            // Only platform downlinks reach routing; one nobody consumed means the device had not subscribed.
            if (args.SenderId == PlatformSenderId)
            {
                RecordProblem(DeviceIdOfTopic(args.ApplicationMessage.Topic), IotdaProblemKind.NotDelivered,
                    $"no subscription matched \"{args.ApplicationMessage.Topic}\"");
            }

            return Task.CompletedTask;
        }

        // ---- helpers -------------------------------------------------------------------------------------------------

        /// <summary>Appends an uplink to a device's bounded list, counts it (under the lock) and raises its event (outside).</summary>
        private void Store<T>(
            string deviceId, Func<IotdaDeviceState, List<T>> listOf, Action<IotdaDeviceState> count, T item, Action<T> handler)
        {
            lock (_gate)
            {
                if (!_devices.TryGetValue(deviceId, out var device))
                {
                    return;
                }

                var list = listOf(device);
                list.Add(item);
                if (list.Count > _options.MaxStoredPerDevice)
                {
                    list.RemoveAt(0);
                }

                count(device);
                PulseLocked();
            }

            Raise(handler, item);
        }

        private void RecordProblem(string deviceId, IotdaProblemKind kind, string detail)
        {
            var problem = new IotdaProblem(_options.Clock.GetUtcNow(), deviceId, kind, detail);
            lock (_gate)
            {
                _problems.Add(problem);
                _problemCount++;
                if (_problems.Count > _options.MaxStoredPerDevice)
                {
                    _problems.RemoveAt(0);
                }

                PulseLocked();
            }

            WriteLog(problem.ToString());
            Raise(ProblemRecorded, problem);
        }

        private void Raise<T>(Action<T> handler, T item)
        {
            try
            {
                handler?.Invoke(item);
            }
            catch (Exception e)
            {
                // A faulty subscriber must not break the broker's receive loop.
                WriteLog($"event handler failed: {e.Message}");
            }
        }

        private void WriteLog(string line) => _options.Log?.Invoke(line);

        private IReadOnlyList<T> Snapshot<T>(string deviceId, Func<IotdaDeviceState, List<T>> listOf)
        {
            lock (_gate)
            {
                return _devices.TryGetValue(deviceId, out var device) ? listOf(device).ToList() : new List<T>();
            }
        }

        private T FindLocked<T>(string deviceId, Func<IotdaDeviceState, List<T>> listOf, Func<T, bool> predicate)
            where T : class =>
            _devices.TryGetValue(deviceId, out var device) ? listOf(device).FirstOrDefault(predicate) : null;

        /// <summary>Evaluates <paramref name="find"/> under the lock each time the state changes, until it yields or time runs out.</summary>
        private async Task<T> WaitForAsync<T>(Func<T> find, TimeSpan timeout)
            where T : class
        {
            using var deadline = new CancellationTokenSource(timeout);
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    var hit = find();
                    if (hit != null)
                    {
                        return hit;
                    }

                    changed = _changed.Task;
                }

                try
                {
                    await changed.WaitAsync(deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    lock (_gate)
                    {
                        return find();
                    }
                }
            }
        }

        private void PulseLocked()
        {
            var previous = _changed;
            _changed = NewSignal();
            previous.TrySetResult();
        }

        private static TaskCompletionSource NewSignal() => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        private static IotdaDeviceStatus StatusOf(IotdaDeviceState device) =>
            new IotdaDeviceStatus(device.DeviceId, device.IsOnline, device.ClientId, device.ConnectedAt, device.KeepAliveSeconds,
                device.Reports.LastOrDefault(), device.ReportCount, device.MessageUpCount, device.EventUpCount);

        private static string PendingKey(IotdaUpTopicKind kind, string deviceId, string requestId) =>
            ((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + deviceId + "|" + requestId;

        private static string DeviceIdOfTopic(string topic)
        {
            const string head = "$oc/devices/";
            if (topic == null || !topic.StartsWith(head, StringComparison.Ordinal))
            {
                return topic ?? "";
            }

            var end = topic.IndexOf('/', head.Length);
            return end < 0 ? topic.Substring(head.Length) : topic.Substring(head.Length, end - head.Length);
        }
    }
}
