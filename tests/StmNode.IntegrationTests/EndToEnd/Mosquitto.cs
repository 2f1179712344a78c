using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace StmNode.IntegrationTests.EndToEnd
{
    /// <summary>
    /// A real mosquitto broker (the Debian package) on a free loopback port with a throw-away config, and helpers to
    /// run its own command-line clients, so a test proves StmNode's bytes are MQTT that software it did not write accepts.
    /// </summary>
    public sealed class Mosquitto : IDisposable
    {
        public const string BrokerPath = "/usr/sbin/mosquitto";

        private readonly Process _process;
        private readonly string _directory;

        private Mosquitto(Process process, string directory, int port)
        {
            _process = process;
            _directory = directory;
            Port = port;
        }

        public int Port { get; }

        public static bool IsInstalled => File.Exists(BrokerPath) && Which("mosquitto_sub") != null && Which("mosquitto_pub") != null;

        public static async Task<Mosquitto> StartAsync()
        {
            int port = EndToEndRig.FreePort();
            string directory = Path.Combine(Path.GetTempPath(), "stmnode-mosquitto-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            string config = Path.Combine(directory, "mosquitto.conf");
            File.WriteAllText(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
            var process = Process.Start(new ProcessStartInfo(BrokerPath, "-c " + config)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            var broker = new Mosquitto(process, directory, port);
            DateTime end = DateTime.UtcNow + EndToEndRig.Soon;
            while (DateTime.UtcNow < end)
            {
                if (process.HasExited)
                {
                    break;
                }

                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync("127.0.0.1", port);
                    return broker;
                }
                catch (SocketException)
                {
                    await Task.Delay(50);
                }
            }

            string errors = process.HasExited ? await process.StandardError.ReadToEndAsync() : "not listening";
            broker.Dispose();
            throw new InvalidOperationException("mosquitto did not start: " + errors);
        }

        /// <summary>Starts mosquitto_sub printing "topic payload" lines for the first count messages (bounded by its own -W).</summary>
        public Process Subscribe(string filter, int count) => Process.Start(new ProcessStartInfo("mosquitto_sub",
            new[] { "-h", "127.0.0.1", "-p", Port.ToString(), "-t", filter, "-v", "-q", "1", "-C", count.ToString(), "-W", "20" })
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        });

        /// <summary>Publishes one message with mosquitto_pub at QoS 1; true when it exited 0.</summary>
        public async Task<bool> PublishAsync(string topic, string payload)
        {
            using Process pub = Process.Start(new ProcessStartInfo("mosquitto_pub",
                new[] { "-h", "127.0.0.1", "-p", Port.ToString(), "-t", topic, "-m", payload, "-q", "1" })
            {
                UseShellExecute = false,
            });
            using var timeout = new CancellationTokenSource(EndToEndRig.Soon);
            await pub.WaitForExitAsync(timeout.Token);
            return pub.ExitCode == 0;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }

            _process.Dispose();
            Directory.Delete(_directory, true);
        }

        private static string Which(string name)
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            {
                string path = Path.Combine(dir, name);
                if (dir.Length > 0 && File.Exists(path))
                {
                    return path;
                }
            }

            return null;
        }
    }
}
