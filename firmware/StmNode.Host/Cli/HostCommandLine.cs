using System;
using StmNode.Host.Emulators;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using StmNode.Host.Fleet;
using StmNode.Host.Runner;
using StmNode.Ports;

namespace StmNode.Host.Cli
{
    /// <summary>
    /// The stmnode command line: with no arguments a complete demo (embedded IoTDA emulator, simulated board, one node);
    /// options switch the link, drive a real modem, talk to a real cloud, or run unattended; subcommands run a fleet
    /// or a raw AT console.
    /// </summary>
    public static class HostCommandLine
    {
        public static readonly string[] Links = { "tcp", "bc26", "ec20", "esp-at", "tcp-raw" };
        public static readonly string[] Modems = ModemModels.Names;
        public static readonly string[] Clouds = { "emulator", "huawei", "aliyun", "mqtt" };
        public static readonly string[] LogLevels = { "trace", "debug", "info", "warning", "error" };

        private const string RootDescription =
            "StmNode on a PC: runs the real node firmware (StmNode.Core) with a simulated sensor board.\n" +
            "\n" +
            "With no options it starts an IoTDA-compatible broker on 127.0.0.1, registers a demo device and runs one\n" +
            "node against it: you see it connect, report every few seconds and obey LED commands.\n" +
            "Keys while it runs: g gas, f flame, w water (toggle), t/T temperature down/up, 1/2/3 toggle an LED\n" +
            "through a cloud command, q quit.\n" +
            "\n" +
            "From the repository: dotnet run --project firmware/StmNode.Host -- [command] [options]\n" +
            "\n" +
            "Examples:\n" +
            "  stmnode                                      demo: embedded IoTDA emulator, tcp link\n" +
            "  stmnode --link bc26                          the same through an emulated Quectel BC26 modem\n" +
            "  stmnode --reports 3                          unattended: exit after 3 reports, print a summary\n" +
            "  stmnode --serial /dev/ttyUSB0 --modem ec20   a real EC20 on a USB-serial adapter\n" +
            "  stmnode --cloud huawei --host H --device-id ID   (secret from STMNODE_SECRET or stmnode.json)\n" +
            "  stmnode fleet --devices 1000 --duration 60s  many nodes in one process, with latency percentiles\n" +
            "  stmnode at --serial /dev/ttyUSB0 --modem bc26    type AT commands, see the driver's trace";

        public static RootCommand Build(TextWriter output)
        {
            var link = new Option<string>("--link", "-l")
            {
                Description = "How the node reaches the broker: tcp (Core's MQTT client, StreamMqttLink, over a TCP socket of " +
                    "this PC; the ESP32's Wi-Fi runs M2Mqtt instead), bc26, ec20, esp-at (the modem's own MQTT stack, emulated " +
                    "unless --serial), tcp-raw (Core's MQTT client over a modem's transparent TCP socket)",
                HelpName = "tcp|bc26|ec20|esp-at|tcp-raw",
            };
            link.AcceptOnlyFromAmong(Links);
            var serial = new Option<string>("--serial") { Description = "Drive a real modem on this serial port (e.g. /dev/ttyUSB0, COM5)", HelpName = "port" };
            var modem = new Option<string>("--modem") { Description = "The model: on --serial the one on the port; emulated, the firmware generation the link's driver meets (ec20: ec20 or ec20-old; esp-at: esp32-at or esp8266-at; tcp-raw: bc26, ec20 or ec20-old, default ec20)", HelpName = "bc26|ec20|ec20-old|esp32-at|esp8266-at" };
            modem.AcceptOnlyFromAmong(Modems);
            var baud = new Option<int>("--baud") { Description = "Serial speed (default 115200)", HelpName = "N" };
            var cloud = new Option<string>("--cloud")
            {
                Description = "Where the node reports: emulator (embedded, default), huawei (real IoTDA), aliyun, mqtt (any broker)",
                HelpName = "emulator|huawei|aliyun|mqtt",
            };
            cloud.AcceptOnlyFromAmong(Clouds);
            var host = new Option<string>("--host") { Description = "Cloud host name (IoTDA: the device-access address from the console)" };
            var port = new Option<int>("--port") { Description = "Cloud port (default 8883 with TLS, 1883 without)" };
            var tls = new Option<bool>("--tls") { Description = "Use MQTT over TLS (on by default for huawei and aliyun)" };
            var noTls = new Option<bool>("--no-tls") { Description = "Plain MQTT" };
            var deviceId = new Option<string>("--device-id") { Description = "Device id as registered (or STMNODE_DEVICE_ID)" };
            var secret = new Option<string>("--secret")
            {
                Description = "Device secret; prefer STMNODE_SECRET or stmnode.json, a command line is visible to other users. Never logged",
            };
            var productKey = new Option<string>("--product-key") { Description = "Aliyun product key" };
            var deviceName = new Option<string>("--device-name") { Description = "Aliyun device name" };
            var region = new Option<string>("--region") { Description = "Aliyun region (default cn-shanghai)" };
            var broker = new Option<string>("--broker") { Description = "Generic MQTT broker host[:port] (for --cloud mqtt and fleet)", HelpName = "host[:port]" };
            var username = new Option<string>("--username") { Description = "Generic MQTT user name" };
            var apn = new Option<string>("--apn") { Description = "APN for a real cellular modem" };
            var config = new Option<string>("--config", "-c") { Description = "JSON settings file (default ./stmnode.json if present)", HelpName = "file" };
            var duration = new Option<string>("--duration", "-d") { Description = "Run unattended for this long, then print a summary and exit (e.g. 30s, 2m)", HelpName = "time" };
            duration.Validators.Add(result => ValidateDuration(result));
            var reports = new Option<int>("--reports", "-n") { Description = "Run unattended until this many reports were published, then print a summary and exit", HelpName = "N" };
            reports.Validators.Add(result => ValidateRange(result, 1, 1_000_000));
            var reportPeriod = new Option<int>("--report-period") { Description = "Seconds between periodic reports (default 10, at least 5)", HelpName = "s" };
            reportPeriod.Validators.Add(result => ValidateRange(result, 5, 86400));
            var logLevel = new Option<string>("--log-level") { Description = "How much to print (default info)", HelpName = "trace|debug|info|warning|error" };
            logLevel.AcceptOnlyFromAmong(LogLevels);
            var trace = new Option<bool>("--trace") { Description = "Print every AT line between the driver and the modem (secrets masked)" };
            var noDemo = new Option<bool>("--no-demo") { Description = "Do not send the automatic demo LED command after the first report" };

            var root = new RootCommand(RootDescription)
            {
                link, serial, modem, baud, cloud, host, port, tls, noTls, deviceId, secret, productKey, deviceName, region,
                broker, username, apn, config, duration, reports, reportPeriod, logLevel, trace, noDemo,
            };

            root.SetAction(async (parse, cancel) =>
            {
                HostOptions options = new HostOptions();
                if (!TryLoadSettings(parse, config, options, output))
                {
                    return 2;
                }

                SetIf(parse, link, v => options.Link = v);
                SetIf(parse, serial, v => options.Serial = v);
                SetIf(parse, modem, v => options.Modem = v);
                SetIf(parse, baud, v => options.Baud = v);
                SetIf(parse, cloud, v => options.Cloud = v);
                SetIf(parse, host, v => options.Host = v);
                SetIf(parse, port, v => options.Port = v);
                SetIf(parse, tls, v => options.Tls = v);
                SetIf(parse, noTls, v => options.Tls = !v);
                SetIf(parse, deviceId, v => options.DeviceId = v);
                SetIf(parse, secret, v => options.Secret = v);
                SetIf(parse, productKey, v => options.ProductKey = v);
                SetIf(parse, deviceName, v => options.DeviceName = v);
                SetIf(parse, region, v => options.Region = v);
                SetIf(parse, broker, v => options.Broker = v);
                SetIf(parse, username, v => options.Username = v);
                SetIf(parse, apn, v => options.Apn = v);
                SetIf(parse, duration, v => options.Duration = ParseDuration(v));
                SetIf(parse, reports, v => options.Reports = v);
                SetIf(parse, reportPeriod, v => options.ReportPeriodSeconds = v);
                SetIf(parse, logLevel, v => options.LogLevel = ParseLevel(v));
                SetIf(parse, trace, v => options.Trace = v);
                SetIf(parse, noDemo, v => options.Demo = !v);
                if (options.Serial != null && options.Modem == null)
                {
                    output.WriteLine("--serial needs --modem bc26|ec20|ec20-old|esp32-at|esp8266-at (which model is on the port)");
                    return 2;
                }

                return await NodeRun.RunAsync(options, output, Console.IsInputRedirected ? null : new ConsoleKeySource().Start(), cancel).ConfigureAwait(false);
            });

            root.Add(BuildFleet(output, broker, logLevel));
            root.Add(BuildAt(output));
            root.Add(BuildEmulate(output));
            return root;
        }

        private static Command BuildFleet(TextWriter output, Option<string> brokerTemplate, Option<string> levelTemplate)
        {
            var devices = new Option<int>("--devices", "-n") { Description = "How many nodes to run (default 100)", HelpName = "N" };
            devices.Validators.Add(result => ValidateRange(result, 1, 20_000));
            var duration = new Option<string>("--duration", "-d") { Description = "How long to run once every node was started (default 30s)", HelpName = "time" };
            duration.Validators.Add(result => ValidateDuration(result));
            var rampUp = new Option<string>("--ramp-up") { Description = "Spread the node starts over this time (default 5s)", HelpName = "time" };
            rampUp.Validators.Add(result => ValidateDuration(result));
            var reportPeriod = new Option<int>("--report-period") { Description = "Seconds between each node's reports (default 10)", HelpName = "s" };
            reportPeriod.Validators.Add(result => ValidateRange(result, 5, 86400));
            var broker = new Option<string>("--broker")
            {
                Description = "Use this MQTT broker (host[:port], plain, no authentication) instead of the embedded IoTDA emulator",
                HelpName = "host[:port]",
            };
            var logLevel = new Option<string>("--log-level") { Description = "Node log level (default error: a fleet is loud)", HelpName = "trace|debug|info|warning|error" };
            logLevel.AcceptOnlyFromAmong(LogLevels);

            var fleet = new Command("fleet", "Run N simulated nodes (tcp link) in this process against the embedded emulator or " +
                "a broker, and print connect and publish latency percentiles")
            {
                devices, duration, rampUp, reportPeriod, broker, logLevel,
            };
            fleet.SetAction(async (parse, cancel) =>
            {
                var options = new FleetOptions
                {
                    Devices = Given(parse, devices) ? parse.GetValue(devices) : 100,
                    Duration = Given(parse, duration) ? ParseDuration(parse.GetValue(duration)) : TimeSpan.FromSeconds(30),
                    RampUp = Given(parse, rampUp) ? ParseDuration(parse.GetValue(rampUp)) : TimeSpan.FromSeconds(5),
                    ReportPeriodSeconds = Given(parse, reportPeriod) ? parse.GetValue(reportPeriod) : 10,
                    Broker = parse.GetValue(broker),
                    LogLevel = Given(parse, logLevel) ? ParseLevel(parse.GetValue(logLevel)) : LogLevel.Error,
                };
                return await FleetRun.RunAsync(options, output, cancel).ConfigureAwait(false);
            });
            return fleet;
        }

        private static Command BuildAt(TextWriter output)
        {
            var serial = new Option<string>("--serial") { Description = "The modem's serial port; without it an emulated modem answers", HelpName = "port" };
            var modem = new Option<string>("--modem") { Description = "Which model (default bc26)", HelpName = "bc26|ec20|ec20-old|esp32-at|esp8266-at" };
            modem.AcceptOnlyFromAmong(Modems);
            var baud = new Option<int>("--baud") { Description = "Serial speed (default 115200)", HelpName = "N" };
            var timeout = new Option<string>("--timeout") { Description = "Longest wait for a final result per command (default 5s)", HelpName = "time" };
            timeout.Validators.Add(result => ValidateDuration(result));
            var at = new Command("at", "A raw AT console through Core's AT channel: type commands, see every line the driver sends " +
                "and receives and each final result (like TinyGSM's AT_Debug). Empty line or 'quit' ends it")
            {
                serial, modem, baud, timeout,
            };
            at.SetAction(async (parse, cancel) =>
            {
                var options = new AtConsoleOptions
                {
                    Serial = parse.GetValue(serial),
                    Modem = parse.GetValue(modem) ?? "bc26",
                    Baud = Given(parse, baud) ? parse.GetValue(baud) : 115200,
                    Timeout = Given(parse, timeout) ? ParseDuration(parse.GetValue(timeout)) : TimeSpan.FromSeconds(5),
                };
                return await AtConsole.RunAsync(options, Console.In, output, cancel).ConfigureAwait(false);
            });
            return at;
        }

        // The modem emulator CLI parses its own arguments; this entry puts it in --help and passes them through.
        private static Command BuildEmulate(TextWriter output)
        {
            var emulate = new Command("emulate", "Serve an emulated modem on a pseudo-terminal until Ctrl+C, to open it with --serial or any " +
                "terminal program: emulate --modem bc26|ec20|ec20-old|esp32-at|esp8266-at --pty /tmp/ttyModem [--faults SPEC] [--trace] (needs socat)")
            {
                TreatUnmatchedTokensAsErrors = false,
            };
            emulate.SetAction((parse, cancel) =>
                Task.Run(() => Emulators.EmulatorCli.Run(System.Linq.Enumerable.ToArray(parse.UnmatchedTokens), output, cancel), CancellationToken.None));
            return emulate;
        }

        private static bool TryLoadSettings(ParseResult parse, Option<string> config, HostOptions options, TextWriter output)
        {
            string path = parse.GetValue(config);
            if (!HostConfigFile.TryLoad(path ?? HostConfigFile.DefaultFileName, path != null, options, out string error)
                || !HostConfigFile.TryApplyEnvironment(options, Environment.GetEnvironmentVariable, out error))
            {
                output.WriteLine(error);
                return false;
            }

            return true;
        }

        private static void SetIf<T>(ParseResult parse, Option<T> option, Action<T> set)
        {
            if (Given(parse, option))
            {
                set(parse.GetValue(option));
            }
        }

        /// <summary>True when the user typed the option (not when only its default applies).</summary>
        private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is OptionResult result && !result.Implicit;

        private static TimeSpan ParseDuration(string text) => DurationText.TryParse(text, out TimeSpan value) ? value : TimeSpan.Zero;

        private static LogLevel ParseLevel(string text) => text switch
        {
            "trace" => LogLevel.Trace,
            "debug" => LogLevel.Debug,
            "warning" => LogLevel.Warning,
            "error" => LogLevel.Error,
            _ => LogLevel.Info,
        };

        private static void ValidateDuration(OptionResult result)
        {
            string text = result.GetValueOrDefault<string>();
            if (!DurationText.TryParse(text, out _))
            {
                result.AddError("'" + text + "' is not a duration: give e.g. 30s, 500ms, 2m or 1h");
            }
        }

        private static void ValidateRange(OptionResult result, int min, int max)
        {
            int value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError(result.Option.Name + " must be from " + min + " to " + max);
            }
        }
    }
}
