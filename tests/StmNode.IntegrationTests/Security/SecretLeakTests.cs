using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Cloud;
using StmNode.Node;
using StmNode.Host.Adapters;
using StmNode.IntegrationTests.Support;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Security
{
    /// <summary>
    /// The device secret, the Wi-Fi password and the computed MQTT password never reach a log line (any level, Core's
    /// own lines, before the console's last-line redaction) nor the AT trace nor a link's error text, also when connects
    /// fail and are retried through the real modem links and emulators.
    /// </summary>
    [TestClass]
    public sealed class SecretLeakTests
    {
        private const string DeviceId = "660f1e2a7bbf9d23a1b2c3d4_esp32node01";
        private const string DeviceSecret = "Sens0rS3cret!";

        [TestMethod]
        [DataRow("bc26")]
        [DataRow("ec20")]
        [DataRow("esp-at")]
        public async Task ConnectFailRetryPublish_AtTraceLevel_NoSecretInLogsTraceOrErrors(string kind)
        {
            StringWriter console = new StringWriter();
            RecordingLog recorded = new RecordingLog();
            ILog log = new FanOutLog(recorded, new ConsoleLog(LogLevel.Trace, console));
            await using ModemLinkRig rig = await ModemLinkRig.StartAsync(kind, new SystemClock(), log);

            HuaweiIotdaSettings settings = new HuaweiIotdaSettings { Host = "127.0.0.1", Port = rig.Broker.Port, DeviceId = DeviceId, Secret = DeviceSecret };
            HuaweiIotdaProfile profile = new HuaweiIotdaProfile(settings, Stm32Service.CreateDeviceModel());
            MqttConnectOptions options = new MqttConnectOptions();
            Assert.IsTrue(profile.TryCreateConnectOptions(new SystemClock(), options, out string error), error);
            string[] secrets = { DeviceSecret, options.Password, ModemLinkRig.WifiPassword };
            Assert.AreEqual(64, options.Password.Length);

            // First connect refused by the modem, then a clean one; a publish; a dropped session and a reconnect.
            rig.Emulator.Faults.FailCommand(kind == "esp-at" ? "AT+MQTTCONN" : "AT+QMTCONN", "ERROR");
            Assert.AreNotEqual(LinkResult.Ok, rig.Link.Connect(options));
            string firstError = rig.Link.LastError;
            Assert.AreEqual(LinkResult.Ok, rig.Link.Connect(options), rig.Link.LastError);
            byte[] payload = Encoding.UTF8.GetBytes("{\"services\":[]}");
            Assert.AreEqual(LinkResult.Ok, rig.Link.Publish(profile.ReportTopic, payload, 0, payload.Length, 1), rig.Link.LastError);
            rig.Emulator.Faults.DropMqtt();
            for (int i = 0; i < 20 && rig.Link.IsConnected; i++)
            {
                rig.Link.Poll(100);
            }

            Assert.AreEqual(LinkResult.Ok, rig.Link.Connect(options), rig.Link.LastError);

            List<string> places = new List<string>(recorded.Lines) { console.ToString(), rig.Channel.Trace.Dump(), firstError, rig.Link.LastError };
            Assert.IsTrue(recorded.Lines.Any(l => l.Contains(kind == "esp-at" ? "AT+MQTTUSERCFG" : "AT+QMTCONN", StringComparison.Ordinal)),
                "the test must see the credential command in the trace-level log");
            foreach (string secret in secrets)
            {
                foreach (string place in places)
                {
                    Assert.IsFalse(place.Contains(secret, StringComparison.Ordinal), "secret leaked: " + place);
                }
            }
        }

        [TestMethod]
        public void ConsoleLog_RedactedSecrets_NeverPrinted()
        {
            StringWriter console = new StringWriter();
            ConsoleLog log = new ConsoleLog(LogLevel.Trace, console);
            log.Redact(DeviceSecret);
            log.Redact(ModemLinkRig.WifiPassword);
            log.Write(LogLevel.Trace, "Test", "join with " + ModemLinkRig.WifiPassword + " and " + DeviceSecret);
            Assert.IsFalse(console.ToString().Contains(DeviceSecret, StringComparison.Ordinal));
            Assert.IsFalse(console.ToString().Contains(ModemLinkRig.WifiPassword, StringComparison.Ordinal));
            Assert.IsTrue(console.ToString().Contains("join with ****", StringComparison.Ordinal));
        }

        /// <summary>One log for Core, two sinks: the recorder the test searches and the host's console log.</summary>
        private sealed class FanOutLog : ILog
        {
            private readonly ILog[] _sinks;

            public FanOutLog(params ILog[] sinks)
            {
                _sinks = sinks;
            }

            public bool IsEnabled(LogLevel level) => _sinks.Any(s => s.IsEnabled(level));

            public void Write(LogLevel level, string source, string message)
            {
                foreach (ILog sink in _sinks)
                {
                    if (sink.IsEnabled(level))
                    {
                        sink.Write(level, source, message);
                    }
                }
            }
        }
    }
}
