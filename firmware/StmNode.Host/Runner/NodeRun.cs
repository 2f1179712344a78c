using System;
using StmNode.Host.Emulators;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using StmNode.Cloud;
using StmNode.Config;
using StmNode.Host.Adapters;
using StmNode.Host.Cli;
using StmNode.Host.Composition;
using StmNode.Host.Iotda;
using StmNode.Node;
using StmNode.Ports;

namespace StmNode.Host.Runner
{
    /// <summary>
    /// One node on a PC, from start to summary: brings up the cloud (the embedded IoTDA emulator unless told
    /// otherwise), builds and starts the node, shows what it does, turns keys into sensor changes and cloud commands,
    /// and stops on q, Ctrl+C, the time limit or the report count.
    /// </summary>
    public static class NodeRun
    {
        /// <summary>The demo device registered in the embedded emulator ({product_id}_{node_id}, as IoTDA generates them).</summary>
        public const string DemoDeviceId = "stmnode_demo_node01";

        public const string KeyHelp = "keys: g gas  f flame  w water  t/T temperature -/+  1 2 3 toggle LED (cloud command)  q quit";

        private static readonly TimeSpan CommandWait = TimeSpan.FromSeconds(25);
        private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(3);

        public static async Task<int> RunAsync(HostOptions options, TextWriter output, ChannelReader<char> keys, CancellationToken cancel)
        {
            var log = new ConsoleLog(options.LogLevel, output);
            log.Redact(options.Secret);
            log.Redact(options.WifiPassword);
            IotdaEmulator emulator = null;
            HostedNode node = null;
            if (options.Serial != null && options.Link == "tcp")
            {
                // A real modem on a serial port: its own MQTT stack unless tcp-raw was asked for.
                options.Link = ModemModels.DriverOf(options.Modem) ?? options.Modem;
            }

            if (options.Link == "tcp-raw" && ModemModels.DriverOf(options.Modem ?? "ec20") == "esp-at")
            {
                output.WriteLine("tcp-raw runs Core's MQTT client over a Quectel socket: use --modem bc26, ec20 or ec20-old");
                return 2;
            }

            if (options.Modem != null && options.Link != "tcp" && options.Link != "tcp-raw" && ModemModels.DriverOf(options.Modem) != options.Link)
            {
                output.WriteLine("--modem " + options.Modem + " is not driven by the " + options.Link + " link (" + options.Link + " drives "
                    + string.Join(", ", Array.FindAll(ModemModels.Names, m => ModemModels.DriverOf(m) == options.Link)) + ")");
                return 2;
            }

            try
            {
                string deviceId = options.DeviceId;
                string secret = options.Secret;
                string host;
                int port;
                bool tls;
                ICloudProfile profile;
                switch (options.Cloud)
                {
                    case "emulator":
                        deviceId ??= DemoDeviceId;
                        secret ??= Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
                        log.Redact(secret);
                        emulator = new IotdaEmulator(new IotdaEmulatorOptions
                        {
                            Log = line => Write(log, LogLevel.Debug, "IoTDA", line),
                        });
                        emulator.RegisterDevice(deviceId, secret);
                        await emulator.StartAsync().ConfigureAwait(false);
                        host = emulator.Host;
                        port = emulator.Port;
                        tls = false;
                        profile = CloudFactory.HuaweiIotda(host, port, tls, deviceId, secret);
                        Write(log, LogLevel.Info, "Host", "embedded IoTDA emulator on " + host + ":" + port + ", device " + deviceId + " registered");
                        break;
                    case "huawei":
                        if (string.IsNullOrEmpty(options.Host) || string.IsNullOrEmpty(deviceId) || string.IsNullOrEmpty(secret))
                        {
                            output.WriteLine("--cloud huawei needs --host, --device-id and a secret (--secret, STMNODE_SECRET or stmnode.json)");
                            return 2;
                        }

                        host = options.Host;
                        tls = options.Tls ?? true;
                        port = options.Port ?? (tls ? 8883 : 1883);
                        profile = CloudFactory.HuaweiIotda(host, port, tls, deviceId, secret);
                        break;
                    case "aliyun":
                        if (string.IsNullOrEmpty(options.ProductKey) || string.IsNullOrEmpty(options.DeviceName) || string.IsNullOrEmpty(secret))
                        {
                            output.WriteLine("--cloud aliyun needs --product-key, --device-name and a secret (--secret, STMNODE_SECRET or stmnode.json)");
                            return 2;
                        }

                        deviceId = options.DeviceName;
                        tls = options.Tls ?? true;
                        port = options.Port ?? (tls ? 8883 : 1883);
                        host = options.Host ?? options.ProductKey + ".iot-as-mqtt." + (options.Region ?? "cn-shanghai") + ".aliyuncs.com";
                        profile = CloudFactory.Aliyun(host, port, tls, options.ProductKey, options.DeviceName, secret);
                        break;
                    default:
                        string broker = options.Broker ?? options.Host;
                        if (string.IsNullOrEmpty(broker) || !Fleet.FleetRun.TryParseBroker(broker, out host, out int brokerPort))
                        {
                            output.WriteLine("--cloud mqtt needs --broker host[:port]");
                            return 2;
                        }

                        deviceId ??= "stmnode-pc";
                        tls = options.Tls ?? false;
                        port = options.Port ?? (broker.Contains(':') ? brokerPort : tls ? 8883 : 1883);
                        profile = CloudFactory.GenericMqtt(host, port, tls, deviceId, options.Username, secret);
                        break;
                }

                NodeConfig config = CreateConfig(options, deviceId, secret, host, port, tls);
                var spec = new NodeSpec
                {
                    Link = options.Link,
                    Config = config,
                    Profile = profile,
                    Serial = options.Serial,
                    Modem = options.Modem,
                    Baud = options.Baud,
                    Seed = (uint)Environment.TickCount,
                };
                if (options.Trace)
                {
                    var atLog = new ConsoleLog(LogLevel.Trace, output);
                    atLog.Redact(secret);
                    atLog.Redact(options.WifiPassword);
                    spec.AtLog = atLog;
                }

                var clock = new SystemClock();
                node = NodeBuilder.Build(spec, clock, log, out string buildError);
                if (node == null)
                {
                    output.WriteLine("stmnode: " + buildError);
                    return 2;
                }

                _ = new NodeConsole(node, log);
                Write(log, LogLevel.Info, "Host", "node " + deviceId + " starting: link " + Describe(options) + ", reports every " + config.ReportPeriodSeconds + " s");
                if (keys != null)
                {
                    output.WriteLine(KeyHelp);
                }

                var stopwatch = Stopwatch.StartNew();
                node.Start();
                bool reachedTarget = await SuperviseAsync(options, node, emulator, log, output, keys, cancel).ConfigureAwait(false);
                node.Stop(TimeSpan.FromSeconds(10));
                output.WriteLine(Summary(node, stopwatch.Elapsed));
                if (node.Crashed)
                {
                    return 1;
                }

                return reachedTarget ? 0 : 1;
            }
            catch (Exception e) when (e is IOException || e is System.Net.Sockets.SocketException || e is InvalidOperationException)
            {
                output.WriteLine("stmnode: " + e.Message);
                return 1;
            }
            finally
            {
                node?.Dispose();
                if (emulator != null)
                {
                    await emulator.StopAsync().ConfigureAwait(false);
                }
            }
        }

        /// <summary>The one-line summary scripts read.</summary>
        public static string Summary(HostedNode node, TimeSpan elapsed) =>
            "summary: " + node.Controller.ReportsPublished + " reports published, " + node.Controller.CommandsHandled + " commands handled, "
            + node.Reconnects + " reconnects, " + node.Errors + " errors in " + elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " s";

        /// <summary>The node's settings for a PC run: the firmware's defaults with short periods, so things happen while you watch.</summary>
        public static NodeConfig CreateConfig(HostOptions options, string deviceId, string secret, string host, int port, bool tls) => new NodeConfig
        {
            DeviceId = deviceId,
            DeviceSecret = secret,
            CloudHost = host,
            CloudPort = port,
            CloudTls = tls,
            // The board transport the link stands in for.
            TransportOrder = new[] { options.Link == "tcp-raw" ? "ec20" : options.Link == "tcp" ? "wifi" : options.Link },
            WifiSsid = options.WifiSsid ?? "pc",
            WifiPassword = options.WifiPassword ?? "",
            Apn = options.Apn ?? "internet",
            ReportPeriodSeconds = options.ReportPeriodSeconds,
            DiagPeriodSeconds = Math.Max(60, options.ReportPeriodSeconds * 6),
            AlarmMinIntervalSeconds = 1,
            BackoffInitialMs = 500,
            BackoffMaxMs = 15000,
            RebootAfterOfflineSeconds = 0,
            LogLevel = options.LogLevel,
        };

        private static string Describe(HostOptions options) =>
            options.Serial != null ? options.Modem + " on " + options.Serial + " at " + options.Baud + " Bd"
            : options.Link == "tcp" ? "tcp (Core's MQTT client over a TCP socket)"
            : options.Link + " (emulated modem)";

        // Waits for the end of the run while serving keys and the demo command. True when the run's target was met.
        private static async Task<bool> SuperviseAsync(HostOptions options, HostedNode node, IotdaEmulator emulator, ILog log,
            TextWriter output, ChannelReader<char> keys, CancellationToken cancel)
        {
            TimeSpan? limit = options.Duration;
            if (!limit.HasValue && options.Reports.HasValue)
            {
                // A script waiting for N reports must not hang when the node cannot connect.
                limit = TimeSpan.FromSeconds(options.Reports.Value * (double)options.ReportPeriodSeconds + 60);
            }

            using var done = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            if (limit.HasValue)
            {
                done.CancelAfter(limit.Value);
            }

            bool demoSent = !options.Demo || emulator == null;
            var offline = Stopwatch.StartNew();
            TimeSpan nextProgress = ProgressEvery;
            Task keyTask = keys == null ? null : keys.WaitToReadAsync(done.Token).AsTask();
            while (!done.IsCancellationRequested)
            {
                if (node.Crashed)
                {
                    return false;
                }

                if (options.Reports.HasValue && node.Controller.ReportsPublished >= options.Reports.Value)
                {
                    return true;
                }

                if (node.Controller.Links.IsOnline)
                {
                    offline.Restart();
                    nextProgress = ProgressEvery;
                }
                else if (offline.Elapsed >= nextProgress)
                {
                    nextProgress += ProgressEvery;
                    Write(log, LogLevel.Info, "Host", Progress(node, offline.Elapsed));
                }

                if (!demoSent && node.Controller.ReportsPublished > 0)
                {
                    demoSent = true;
                    Write(log, LogLevel.Info, "Host", "demo: the cloud switches LED1 on with a SET_LED command");
                    _ = SendLedCommandAsync(emulator, node, log, 1, true);
                }

                if (keyTask != null && keyTask.IsCompleted)
                {
                    while (keys.TryRead(out char key))
                    {
                        if (key == 'q' || key == 'Q')
                        {
                            return !options.Reports.HasValue;
                        }

                        HandleKey(key, node, emulator, log, output);
                    }

                    keyTask = keys.Completion.IsCompleted ? null : keys.WaitToReadAsync(done.Token).AsTask();
                }

                try
                {
                    await Task.Delay(50, done.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            // Ctrl+C or the duration ends a run normally; a report target must have been reached.
            return !options.Reports.HasValue || node.Controller.ReportsPublished >= options.Reports.Value;
        }

        /// <summary>"still connecting via bc26: 6 s offline, state Connecting, last AT: > AT+CEREG? (registration timeout 120 s)".</summary>
        public static string Progress(HostedNode node, TimeSpan offline)
        {
            var links = node.Controller.Links;
            string text = "still connecting via " + links.CurrentKind + ": " + (int)offline.TotalSeconds + " s offline, " +
                (links.State == LinkState.WaitingRetry
                    ? "next attempt in " + Math.Max(0, links.NextAttemptMs - node.Clock.UptimeMs) / 1000.0 + " s"
                    : "step: " + links.State);
            var trace = node.PrimaryLink?.Channel?.Trace;
            int count = trace?.Count ?? 0;
            if (count > 0)
            {
                text += ", last AT: " + trace[count - 1];
            }

            if (!string.IsNullOrEmpty(links.LastError))
            {
                text += ", last error: " + links.LastError;
            }

            return text;
        }

        private static void HandleKey(char key, HostedNode node, IotdaEmulator emulator, ILog log, TextWriter output)
        {
            var board = node.Board;
            switch (key)
            {
                case 'g':
                case 'G':
                    board.Gas = !board.Gas;
                    Write(log, LogLevel.Info, "Board", "gas " + (board.Gas ? "detected (MQ2 " + board.GasLevelPercent + " %)" : "cleared"));
                    break;
                case 'f':
                case 'F':
                    board.Flame = !board.Flame;
                    Write(log, LogLevel.Info, "Board", "flame " + (board.Flame ? "detected" : "gone"));
                    break;
                case 'w':
                case 'W':
                    board.Water = !board.Water;
                    Write(log, LogLevel.Info, "Board", "water " + (board.Water ? "detected" : "gone"));
                    break;
                case 't':
                case 'T':
                    board.TemperatureC += key == 'T' ? 1 : -1;
                    Write(log, LogLevel.Info, "Board", "temperature now " + board.TemperatureC + " °C (shown in the next report)");
                    break;
                case '1':
                case '2':
                case '3':
                    int led = key - '0';
                    if (emulator == null)
                    {
                        Write(log, LogLevel.Warning, "Host", "LED commands come from the real cloud's console in this mode");
                        break;
                    }

                    _ = SendLedCommandAsync(emulator, node, log, led, !board.IsLedOn(led));
                    break;
                case 'h':
                case '?':
                    output.WriteLine(KeyHelp);
                    break;
            }
        }

        // The cloud side of the round trip: a SET_LED command through the emulator, and the device's answer.
        private static async Task SendLedCommandAsync(IotdaEmulator emulator, HostedNode node, ILog log, int led, bool on)
        {
            var paras = new JsonObject { ["LED" + led] = on ? 1 : 0 };
            Write(log, LogLevel.Info, "Cloud", "command SET_LED " + paras.ToJsonString() + " → " + node.Config.DeviceId);
            var stopwatch = Stopwatch.StartNew();
            using var timeout = new CancellationTokenSource(CommandWait);
            IotdaRequestResult result;
            try
            {
                result = await emulator.SendCommandAsync(node.Config.DeviceId, Stm32Service.Id, "SET_LED", paras, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Write(log, LogLevel.Warning, "Cloud", "command SET_LED got no answer");
                return;
            }

            string answer = result.Outcome == IotdaRequestOutcome.Answered
                ? "answered result_code " + result.ResultCode + " " + (result.Body?.ToJsonString() ?? "")
                : result.Outcome + (result.ErrorMessage != null ? " (" + result.ErrorMessage + ")" : "");
            Write(log, result.IsSuccess ? LogLevel.Info : LogLevel.Warning, "Cloud", "command SET_LED " + answer + " after " + NodeConsole.Ms(stopwatch.Elapsed));
        }

        private static void Write(ILog log, LogLevel level, string source, string message)
        {
            if (log.IsEnabled(level))
            {
                log.Write(level, source, message);
            }
        }
    }
}
