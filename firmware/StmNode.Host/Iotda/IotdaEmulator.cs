using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet.Server;

namespace StmNode.Host.Iotda
{
    /// <summary>
    /// An in-process stand-in for Huawei Cloud IoTDA's MQTT device interface (protocols.md §1) on 127.0.0.1: it checks
    /// CONNECT credentials and topic rights like the platform (<see cref="IotdaConnections"/>), stores what devices
    /// report (<see cref="IotdaUplinks"/>), sends commands and property requests with the platform's timeout
    /// (<see cref="IotdaRequests"/>), answers <c>$time_sync</c> (<see cref="IotdaTimeSync"/>) and drops silent devices.
    /// </summary>
    public sealed class IotdaEmulator : IAsyncDisposable
    {
        private readonly IotdaEmulatorOptions _options;
        private readonly IotdaRegistry _registry;
        private readonly IotdaDownlink _downlink;
        private readonly IotdaConnections _connections;
        private readonly IotdaRequests _requests;
        private readonly IotdaTimeSync _timeSync;
        private readonly IotdaUplinks _uplinks;
        private MqttServer _server;

        public IotdaEmulator(IotdaEmulatorOptions options = null)
        {
            _options = options ?? new IotdaEmulatorOptions();
            _registry = new IotdaRegistry(_options);
            _downlink = new IotdaDownlink(_registry);
            _connections = new IotdaConnections(_options, _registry, _downlink);
            _requests = new IotdaRequests(_options, _registry, _downlink);
            _timeSync = new IotdaTimeSync(_options, _registry, _downlink);
            _uplinks = new IotdaUplinks(_options, _registry, _requests, _timeSync);
        }

        /// <summary>A properties report was parsed and stored.</summary>
        public event Action<IotdaPropertyReport> ReportReceived
        {
            add => _uplinks.ReportReceived += value;
            remove => _uplinks.ReportReceived -= value;
        }

        /// <summary>A message up was stored.</summary>
        public event Action<IotdaMessageUp> MessageReceived
        {
            add => _uplinks.MessageReceived += value;
            remove => _uplinks.MessageReceived -= value;
        }

        /// <summary>An event up (one service entry) was stored.</summary>
        public event Action<IotdaEventUp> EventReceived
        {
            add => _uplinks.EventReceived += value;
            remove => _uplinks.EventReceived -= value;
        }

        /// <summary>A protocol problem was recorded.</summary>
        public event Action<IotdaProblem> ProblemRecorded
        {
            add => _registry.ProblemRecorded += value;
            remove => _registry.ProblemRecorded -= value;
        }

        public string Host => "127.0.0.1";

        /// <summary>The listening port, valid after <see cref="StartAsync"/>.</summary>
        public int Port { get; private set; }

        public bool IsRunning => _server != null;

        /// <summary>Adds a device or replaces its secret, like registering it in the console.</summary>
        public void RegisterDevice(string deviceId, string secret)
        {
            ArgumentException.ThrowIfNullOrEmpty(deviceId);
            ArgumentException.ThrowIfNullOrEmpty(secret);
            _registry.Register(deviceId, secret);
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

            // MQTTnet's own TCP listener, tapped so the CONNECT checks see the will flag.
            var server = factory.CreateMqttServer(serverOptions, new[] { new IotdaConnectTap(factory.DefaultServerAdapters[0](factory)) });
            _connections.Attach(server);
            _uplinks.Attach(server);
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
            _downlink.Server = server;
            _connections.StartSilenceWatch();
            _registry.Log($"IoTDA emulator listening on {Host}:{Port}");
        }

        public async Task StopAsync()
        {
            var server = _server;
            if (server == null)
            {
                return;
            }

            _server = null;
            _downlink.Server = null;
            await _connections.StopSilenceWatchAsync().ConfigureAwait(false);
            _requests.StopAll();
            await server.StopAsync().ConfigureAwait(false);
            server.Dispose();
            lock (_registry.Gate)
            {
                foreach (var device in _registry.DevicesLocked)
                {
                    device.Disconnected();
                }

                _registry.PulseLocked();
            }

            _registry.Log("IoTDA emulator stopped");
        }

        public ValueTask DisposeAsync() => new ValueTask(StopAsync());

        // ---- queries -------------------------------------------------------------------------------------------------

        public bool IsOnline(string deviceId)
        {
            lock (_registry.Gate)
            {
                return _registry.TryGetLocked(deviceId, out var device) && device.IsOnline;
            }
        }

        public IReadOnlyList<IotdaDeviceStatus> GetDevices()
        {
            lock (_registry.Gate)
            {
                return _registry.DevicesLocked.OrderBy(d => d.DeviceId, StringComparer.Ordinal).Select(StatusOf).ToList();
            }
        }

        /// <summary>The status of one device, or null when it is not registered.</summary>
        public IotdaDeviceStatus GetDevice(string deviceId)
        {
            lock (_registry.Gate)
            {
                return _registry.TryGetLocked(deviceId, out var device) ? StatusOf(device) : null;
            }
        }

        public IReadOnlyList<IotdaPropertyReport> GetReports(string deviceId) => _registry.Snapshot(deviceId, d => d.Reports);

        /// <summary>The newest stored report of a device, or null.</summary>
        public IotdaPropertyReport GetLastReport(string deviceId) => GetReports(deviceId).LastOrDefault();

        public IReadOnlyList<IotdaMessageUp> GetMessagesUp(string deviceId) => _registry.Snapshot(deviceId, d => d.MessagesUp);

        public IReadOnlyList<IotdaEventUp> GetEventsUp(string deviceId) => _registry.Snapshot(deviceId, d => d.EventsUp);

        public IReadOnlyList<IotdaProblem> GetProblems() => _registry.Problems();

        public IotdaCounters GetCounters()
        {
            lock (_registry.Gate)
            {
                return new IotdaCounters(_connections.Accepted, _connections.Refused, _uplinks.Reports, _uplinks.MessagesUp,
                    _uplinks.EventsUp, _requests.Sent, _requests.Answered, _requests.TimedOut, _timeSync.Answers, _registry.ProblemCount);
            }
        }

        // ---- bounded waits for tests ----------------------------------------------------------------------------------

        /// <summary>The first stored report (already received or arriving) that matches, or null after the timeout.</summary>
        public Task<IotdaPropertyReport> WaitForReportAsync(
            string deviceId, Func<IotdaPropertyReport, bool> predicate, TimeSpan timeout) =>
            _registry.WaitForAsync(() => _registry.FindLocked(deviceId, d => d.Reports, predicate), timeout);

        public Task<IotdaMessageUp> WaitForMessageAsync(string deviceId, Func<IotdaMessageUp, bool> predicate, TimeSpan timeout) =>
            _registry.WaitForAsync(() => _registry.FindLocked(deviceId, d => d.MessagesUp, predicate), timeout);

        public Task<IotdaEventUp> WaitForEventAsync(string deviceId, Func<IotdaEventUp, bool> predicate, TimeSpan timeout) =>
            _registry.WaitForAsync(() => _registry.FindLocked(deviceId, d => d.EventsUp, predicate), timeout);

        public Task<IotdaProblem> WaitForProblemAsync(Func<IotdaProblem, bool> predicate, TimeSpan timeout) =>
            _registry.WaitForAsync(() => _registry.FindProblemLocked(predicate), timeout);

        /// <summary>True once the device's online state equals <paramref name="online"/>; false after the timeout.</summary>
        public async Task<bool> WaitForOnlineAsync(string deviceId, bool online, TimeSpan timeout)
        {
            var hit = await _registry.WaitForAsync(
                () => _registry.TryGetLocked(deviceId, out var d) && d.IsOnline == online ? d : null, timeout).ConfigureAwait(false);
            return hit != null;
        }

        // ---- platform to device ---------------------------------------------------------------------------------------

        /// <summary>Sends a command and waits for the device's response like the platform's synchronous command API.</summary>
        public Task<IotdaRequestResult> SendCommandAsync(
            string deviceId, string serviceId, string commandName, JsonObject paras, CancellationToken cancellationToken = default) =>
            _requests.SendCommandAsync(deviceId, serviceId, commandName, paras, cancellationToken);

        /// <summary>Writes properties of one service (property set) and waits for the device's response.</summary>
        public Task<IotdaRequestResult> SetPropertiesAsync(
            string deviceId, string serviceId, JsonObject properties, CancellationToken cancellationToken = default) =>
            _requests.SetPropertiesAsync(deviceId, serviceId, properties, cancellationToken);

        /// <summary>Reads properties (property get; all services when <paramref name="serviceId"/> is null).</summary>
        public Task<IotdaRequestResult> GetPropertiesAsync(
            string deviceId, string serviceId, CancellationToken cancellationToken = default) =>
            _requests.GetPropertiesAsync(deviceId, serviceId, cancellationToken);

        /// <summary>Sends a message down; false when the device is offline (nothing is queued for MQTT devices).</summary>
        public async Task<bool> SendMessageAsync(string deviceId, string payload, CancellationToken cancellationToken = default)
        {
            if (!IsOnline(deviceId))
            {
                return false;
            }

            return await _downlink.PublishAsync(IotdaTopics.MessagesDown(deviceId), payload, cancellationToken).ConfigureAwait(false);
        }

        private static IotdaDeviceStatus StatusOf(IotdaDeviceState device) =>
            new IotdaDeviceStatus(device.DeviceId, device.IsOnline, device.ClientId, device.ConnectedAt, device.KeepAliveSeconds,
                device.Reports.LastOrDefault(), device.ReportCount, device.MessageUpCount, device.EventUpCount);
    }
}
