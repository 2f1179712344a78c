using System;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using StmNode.Config;
using StmNode.Host.Adapters;
using StmNode.Host.Composition;
using StmNode.Host.Emulators;
using StmNode.Host.Iotda;
using StmNode.IntegrationTests.Support;

namespace StmNode.IntegrationTests.EndToEnd
{
    /// <summary>
    /// The whole chain on loopback, built by the host's own composition: the IoTDA emulator on a free port, and one
    /// real node (simulated board, the given link, emulated modem with fast timings) reporting to it every second.
    /// The broker can be stopped and started again on the same port.
    /// </summary>
    public sealed class EndToEndRig : IAsyncDisposable
    {
        public const string DeviceId = "e2e_product_node01";
        public const string Secret = "E2eS3cret!";

        /// <summary>Bound for what happens within milliseconds on loopback (generous for a loaded 2-core CI machine).</summary>
        public static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Bound for noticing a dead broker: a modem whose publish was in flight when the broker went away waits out its
        /// packet timeout (2 s here, with retries: (2 × 4 + 5) s) before the link counts as lost.
        /// </summary>
        public static readonly TimeSpan LossNoticed = TimeSpan.FromSeconds(20);

        private EndToEndRig(int port, HostedNode node, RecordingLog log)
        {
            Port = port;
            Node = node;
            Log = log;
        }

        public int Port { get; }

        public IotdaEmulator Cloud { get; private set; }

        public HostedNode Node { get; }

        public RecordingLog Log { get; }

        /// <summary>Starts the emulator and the node; the node is online when this returns.</summary>
        public static async Task<EndToEndRig> StartAsync(string link, int reportPeriodSeconds)
        {
            int port = FreePort();
            var log = new RecordingLog();
            NodeConfig config = FastConfig(port);
            config.ReportPeriodSeconds = reportPeriodSeconds;
            var spec = new NodeSpec
            {
                Name = link,
                Link = link,
                Config = config,
                Profile = CloudFactory.HuaweiIotda("127.0.0.1", port, false, DeviceId, Secret, config.KeepAliveSeconds),
                ModemOptions = new EmulatorOptions { GuardTimeMs = 100, BrokerTimeoutMs = 2000 },
                RegistrationTimeoutMs = 10000,
                ModemPacketTimeoutSeconds = 2,
            };
            HostedNode node = NodeBuilder.Build(spec, new SystemClock(), log, out string error)
                ?? throw new InvalidOperationException(error);
            var rig = new EndToEndRig(port, node, log);
            await rig.StartCloudAsync();
            node.Start();
            if (!await rig.Cloud.WaitForOnlineAsync(DeviceId, true, Soon))
            {
                await rig.DisposeAsync();
                throw new InvalidOperationException(link + " node did not come online; log:\n" + rig.LogText());
            }

            return rig;
        }

        /// <summary>The node settings for tests: the firmware's defaults with every period short.</summary>
        public static NodeConfig FastConfig(int port) => new NodeConfig
        {
            DeviceId = DeviceId,
            DeviceSecret = Secret,
            CloudHost = "127.0.0.1",
            CloudPort = port,
            CloudTls = false,
            KeepAliveSeconds = 30,
            WifiSsid = "e2e",
            Apn = "e2e",
            ReportPeriodSeconds = 1,
            DiagPeriodSeconds = 3600,
            AlarmMinIntervalSeconds = 0,
            SensorPollMs = 50,
            DhtPeriodSeconds = 1,
            DebounceMs = 20,
            ReplayIntervalMs = 50,
            BackoffInitialMs = 100,
            BackoffMaxMs = 500,
            RebootAfterOfflineSeconds = 0,
        };

        /// <summary>(Re)starts the IoTDA emulator on the rig's port with the device registered.</summary>
        public async Task StartCloudAsync()
        {
            var cloud = new IotdaEmulator(new IotdaEmulatorOptions { Port = Port });
            cloud.RegisterDevice(DeviceId, Secret);

            // The port was just released by the previous broker: retry binding for a bounded time.
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    await cloud.StartAsync();
                    break;
                }
                catch (Exception e) when (attempt < 50 && (e is SocketException || e.InnerException is SocketException))
                {
                    await Task.Delay(100);
                }
            }

            Cloud = cloud;
        }

        public async Task StopCloudAsync()
        {
            await Cloud.StopAsync();
        }

        /// <summary>The first report of the stm32 service arriving after the call whose properties match.</summary>
        public Task<IotdaPropertyReport> NextReportAsync(Func<JsonObject, bool> match, TimeSpan timeout)
        {
            // Reports already stored when the wait began do not count.
            DateTimeOffset since = DateTimeOffset.UtcNow;
            return Cloud.WaitForReportAsync(DeviceId, report =>
            {
                JsonObject properties = report.PropertiesOf("stm32");
                return report.ReceivedAt >= since && properties != null && match(properties);
            }, timeout);
        }

        public string LogText()
        {
            lock (Log.Lines)
            {
                return string.Join("\n", Log.Lines);
            }
        }

        public async ValueTask DisposeAsync()
        {
            Node.Dispose();
            if (Cloud != null)
            {
                await Cloud.StopAsync();
            }
        }

        public static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
