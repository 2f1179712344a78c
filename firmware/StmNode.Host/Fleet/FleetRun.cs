using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using StmNode.Host.Adapters;
using StmNode.Host.Cli;
using StmNode.Host.Composition;
using StmNode.Host.Iotda;
using StmNode.Host.Runner;

namespace StmNode.Host.Fleet
{
    /// <summary>
    /// Many real nodes in one process, each on its own thread with its own board, MQTT session and device identity,
    /// against the embedded IoTDA emulator or a given broker; prints progress and then connect and publish latency
    /// percentiles and totals.
    /// </summary>
    public static class FleetRun
    {
        /// <summary>Each node thread's stack: the node loop is shallow, and a thousand default stacks are wasteful.</summary>
        private const int NodeStackBytes = 256 * 1024;

        public static async Task<int> RunAsync(FleetOptions options, TextWriter output, CancellationToken cancel)
        {
            var log = new ConsoleLog(options.LogLevel, output);
            IotdaEmulator emulator = null;
            var nodes = new List<HostedNode>(options.Devices);
            string host;
            int port;
            try
            {
                if (options.Broker == null)
                {
                    emulator = new IotdaEmulator(new IotdaEmulatorOptions { MaxStoredPerDevice = 4 });
                    await emulator.StartAsync().ConfigureAwait(false);
                    host = emulator.Host;
                    port = emulator.Port;
                }
                else if (!TryParseBroker(options.Broker, out host, out port))
                {
                    output.WriteLine("--broker must be host or host:port, was '" + options.Broker + "'");
                    return 2;
                }

                var clock = new SystemClock();
                for (int i = 0; i < options.Devices; i++)
                {
                    string deviceId = "stmnode_fleet_" + i.ToString("D5", CultureInfo.InvariantCulture);
                    string secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
                    emulator?.RegisterDevice(deviceId, secret);
                    var nodeLog = new ConsoleLog(options.LogLevel, output) { Prefix = deviceId + " " };
                    nodeLog.Redact(secret);
                    var hostOptions = new HostOptions { ReportPeriodSeconds = options.ReportPeriodSeconds, LogLevel = options.LogLevel };
                    var spec = new NodeSpec
                    {
                        Name = deviceId,
                        Link = "tcp",
                        Config = NodeRun.CreateConfig(hostOptions, deviceId, secret, host, port, false),
                        Profile = emulator != null
                            ? CloudFactory.HuaweiIotda(host, port, false, deviceId, secret)
                            : CloudFactory.GenericMqtt(host, port, false, deviceId, null, null),
                        KeepLatencies = true,
                        Seed = (uint)(i + 1),
                    };
                    nodes.Add(NodeBuilder.Build(spec, clock, nodeLog, out _));
                }

                output.WriteLine("fleet: " + options.Devices + " nodes, tcp link, " +
                    (emulator != null ? "embedded IoTDA emulator on " + host + ":" + port : "broker " + host + ":" + port) +
                    ", reports every " + options.ReportPeriodSeconds + " s, ramp-up " + options.RampUp.TotalSeconds + " s, then " + options.Duration.TotalSeconds + " s");

                var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                var lastProgress = TimeSpan.Zero;
                for (int i = 0; i < nodes.Count && !cancel.IsCancellationRequested; i++)
                {
                    nodes[i].Start(NodeStackBytes);
                    TimeSpan due = options.RampUp * ((i + 1.0) / nodes.Count);
                    TimeSpan wait = due - wall.Elapsed;
                    if (wait > TimeSpan.FromMilliseconds(1))
                    {
                        await Delay(wait, cancel).ConfigureAwait(false);
                    }

                    lastProgress = Progress(nodes, wall, lastProgress, options, output);
                }

                TimeSpan end = wall.Elapsed + options.Duration;
                while (wall.Elapsed < end && !cancel.IsCancellationRequested)
                {
                    await Delay(TimeSpan.FromMilliseconds(Math.Min(250, (end - wall.Elapsed).TotalMilliseconds)), cancel).ConfigureAwait(false);
                    lastProgress = Progress(nodes, wall, lastProgress, options, output);
                }

                int online = nodes.Count(n => n.Controller.Links.IsOnline);
                int threads = Process.GetCurrentProcess().Threads.Count;
                foreach (HostedNode node in nodes)
                {
                    node.Controller.Stop();
                }

                foreach (HostedNode node in nodes)
                {
                    node.Stop(TimeSpan.FromSeconds(10));
                }

                TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
                TimeSpan elapsed = wall.Elapsed;
                PrintResults(nodes, online, threads, cpu, elapsed, emulator != null, output);
                bool allConnected = nodes.All(n => n.Stats.Connects > 0);
                return allConnected && !nodes.Any(n => n.Crashed) ? 0 : 1;
            }
            finally
            {
                foreach (HostedNode node in nodes)
                {
                    node.Dispose();
                }

                if (emulator != null)
                {
                    await emulator.StopAsync().ConfigureAwait(false);
                }
            }
        }

        public static bool TryParseBroker(string text, out string host, out int port)
        {
            host = text;
            port = 1883;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            int colon = text.LastIndexOf(':');
            if (colon > 0 && text.IndexOf(']') < colon)
            {
                host = text[..colon];
                return int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port >= 1 && port <= 65535;
            }

            return true;
        }

        private static void PrintResults(List<HostedNode> nodes, int online, int threads, TimeSpan cpu, TimeSpan elapsed, bool embedded, TextWriter output)
        {
            double[] connect = nodes.SelectMany(n => n.Stats.ConnectLatencies()).ToArray();
            double[] publish = nodes.SelectMany(n => n.Stats.PublishLatencies()).ToArray();
            long reports = nodes.Sum(n => (long)n.Controller.ReportsPublished);
            long errors = nodes.Sum(n => n.Errors);
            long reconnects = nodes.Sum(n => (long)n.Reconnects);
            int connected = nodes.Count(n => n.Stats.Connects > 0);
            var process = Process.GetCurrentProcess();
            output.WriteLine("fleet: connect latency (TCP + CONNECT/CONNACK) " + Percentiles.Describe(connect));
            output.WriteLine("fleet: publish latency (QoS 1 report until PUBACK) " + Percentiles.Describe(publish));
            output.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "fleet: process CPU {0:F1} s over {1:F1} s wall ({2:F0} % of one core{5}), peak working set {3} MiB, {4} threads while running",
                cpu.TotalSeconds, elapsed.TotalSeconds, 100 * cpu.TotalSeconds / Math.Max(0.001, elapsed.TotalSeconds),
                process.PeakWorkingSet64 / (1024 * 1024), threads, embedded ? ", the embedded emulator included" : ""));
            output.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "summary: {0} nodes, {1} connected, {2} online at the end, {3} reports published ({4:F1}/s), {5} reconnects, {6} errors in {7:F1} s",
                nodes.Count, connected, online, reports, reports / Math.Max(0.001, elapsed.TotalSeconds), reconnects, errors, elapsed.TotalSeconds));
        }

        private static TimeSpan Progress(List<HostedNode> nodes, Stopwatch wall, TimeSpan last, FleetOptions options, TextWriter output)
        {
            if (wall.Elapsed - last < options.ProgressEvery)
            {
                return last;
            }

            int started = nodes.Count(n => n.IsRunning);
            int online = nodes.Count(n => n.Controller.Links.IsOnline);
            long reports = nodes.Sum(n => (long)n.Controller.ReportsPublished);
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "fleet: {0,6:F1} s  {1} started  {2} online  {3} reports",
                wall.Elapsed.TotalSeconds, started, online, reports));
            return wall.Elapsed;
        }

        private static async Task Delay(TimeSpan wait, CancellationToken cancel)
        {
            try
            {
                await Task.Delay(wait, cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: the caller sees the token and ends the run with the figures so far.
            }
        }
    }
}
