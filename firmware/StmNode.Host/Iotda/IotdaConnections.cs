using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace StmNode.Host.Iotda
{
    /// <summary>
    /// Device connections as IoTDA handles them: CONNECT checked against the registry (<see cref="IotdaConnectCheck"/>),
    /// one connection per device (a newer one replaces the older), online state, and devices dropped after their
    /// keep-alive times the silence factor without a packet.
    /// </summary>
    internal sealed class IotdaConnections
    {
        private const string KeepAliveItem = "iotda.keepalive";
        private static readonly TimeSpan SilenceCheckPeriod = TimeSpan.FromMilliseconds(100);

        private readonly IotdaEmulatorOptions _options;
        private readonly IotdaRegistry _registry;
        private readonly IotdaDownlink _downlink;
        private CancellationTokenSource _stop;
        private Task _silenceWatch;

        public IotdaConnections(IotdaEmulatorOptions options, IotdaRegistry registry, IotdaDownlink downlink)
        {
            _options = options;
            _registry = registry;
            _downlink = downlink;
        }

        /// <summary>Accepted and refused CONNECTs since start; read under the registry's gate.</summary>
        public long Accepted { get; private set; }

        public long Refused { get; private set; }

        public void Attach(MqttServer server)
        {
            server.ValidatingConnectionAsync += OnValidatingConnectionAsync;
            server.ClientConnectedAsync += OnClientConnectedAsync;
            server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
            server.InterceptingInboundPacketAsync += OnInboundPacketAsync;
        }

        public void StartSilenceWatch()
        {
            _stop = new CancellationTokenSource();
            _silenceWatch = Task.Run(() => WatchSilenceAsync(_stop.Token));
        }

        public async Task StopSilenceWatchAsync()
        {
            _stop.Cancel();
            await _silenceWatch.ConfigureAwait(false);
            _stop.Dispose();
        }

        private Task OnValidatingConnectionAsync(ValidatingConnectionEventArgs args)
        {
            var keepAlive = (int)args.KeepAlivePeriod.GetValueOrDefault();

            // MQTTnet 5.2 does not expose the will flag here; the tap's channel saw the CONNECT packet.
            var hasWill = args.ChannelAdapter is IotdaConnectChannel channel && channel.HasWill;
            var refusal = IotdaConnectCheck.Check(args.ClientId, args.UserName, args.Password, keepAlive,
                hasWill, _registry.SecretOf, _options.Clock.GetUtcNow(), _options.TimestampTolerance, out var reason);
            if (refusal == MqttConnectReasonCode.Success)
            {
                args.SessionItems[KeepAliveItem] = keepAlive;
                return Task.CompletedTask;
            }

            args.ReasonCode = refusal;
            var who = IotdaClientId.TryParse(args.ClientId, out var id) ? id.DeviceId : args.ClientId ?? "";
            lock (_registry.Gate)
            {
                Refused++;
            }

            _registry.RecordProblem(who, IotdaProblemKind.ConnectRefused, reason);
            return Task.CompletedTask;
        }

        private Task OnClientConnectedAsync(ClientConnectedEventArgs args)
        {
            if (!IotdaClientId.TryParse(args.ClientId, out var id))
            {
                return Task.CompletedTask;
            }

            var keepAlive = args.SessionItems[KeepAliveItem] is int k ? k : IotdaConnectCheck.MinKeepAliveSeconds;
            string replacedClientId = null;
            lock (_registry.Gate)
            {
                if (!_registry.TryGetLocked(id.DeviceId, out var device))
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
                Accepted++;
                _registry.PulseLocked();
            }

            _registry.Log($"{id.DeviceId}: connected as {args.ClientId} from {args.RemoteEndPoint}, keep-alive {keepAlive} s");
            if (replacedClientId != null)
            {
                _registry.RecordProblem(id.DeviceId, IotdaProblemKind.ConnectionReplaced, $"connection {replacedClientId} replaced by {args.ClientId}");
                _ = _downlink.DropClientAsync(replacedClientId, MqttDisconnectReasonCode.SessionTakenOver);
            }

            return Task.CompletedTask;
        }

        private Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs args)
        {
            if (!IotdaClientId.TryParse(args.ClientId, out var id))
            {
                return Task.CompletedTask;
            }

            lock (_registry.Gate)
            {
                // Only the live connection counts: a replaced one must not mark its successor offline.
                if (!_registry.TryGetLocked(id.DeviceId, out var device) || device.ClientId != args.ClientId
                    || device.Endpoint != args.RemoteEndPoint?.ToString())
                {
                    return Task.CompletedTask;
                }

                device.Disconnected();
                _registry.PulseLocked();
            }

            _registry.Log($"{id.DeviceId}: disconnected ({args.DisconnectType})");

            // A new CONNECT with the same ClientId: MQTTnet takes the session over and reports the old link here.
            if (args.DisconnectType == MqttClientDisconnectType.Takeover)
            {
                _registry.RecordProblem(id.DeviceId, IotdaProblemKind.ConnectionReplaced, $"connection {args.ClientId} taken over by a new one");
            }

            return Task.CompletedTask;
        }

        private Task OnInboundPacketAsync(InterceptingPacketEventArgs args)
        {
            if (IotdaClientId.TryParse(args.ClientId, out var id))
            {
                lock (_registry.Gate)
                {
                    if (_registry.TryGetLocked(id.DeviceId, out var device) && device.ClientId == args.ClientId)
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
                        _registry.RecordProblem(deviceId, IotdaProblemKind.KeepAliveExpired, $"silent for {silentMs} ms");
                        await _downlink.DropClientAsync(clientId, MqttDisconnectReasonCode.KeepAliveTimeout).ConfigureAwait(false);
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
            lock (_registry.Gate)
            {
                foreach (var device in _registry.DevicesLocked)
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
    }
}
