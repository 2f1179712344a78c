#nullable enable
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.At;
using StmNode.Host.Adapters;
using StmNode.Host.Emulators;
using StmNode.IntegrationTests.Modems;
using StmNode.Modems;
using StmNode.Mqtt;
using StmNode.Ports;
using RecordingLog = StmNode.IntegrationTests.Support.RecordingLog;

namespace StmNode.IntegrationTests.Emulators
{
    /// <summary>
    /// Each Core driver against each emulated model it supports (<see cref="ModemModels"/>): the drivers meet every
    /// firmware generation the emulators model, and only what the module would accept.
    /// </summary>
    [TestClass]
    public class DriverModelMatrixTests
    {
        private const string Report = "{\"services\":[{\"service_id\":\"env\",\"properties\":{\"t\":21.5,\"note\":\"a,\\\"b\\\"\"}}]}";

        private static Task<DriverRig> StartAsync(string model)
        {
            AtEmulator emulator = ModemModels.CreateEmulator(model, model.StartsWith("esp") ? EspAtEmulatorTests.Options() : EmulatorRig.FastOptions())!;
            return DriverRig.StartAsync(emulator, (channel, log) => MqttLinkFor(model, channel, log));
        }

        private static IMqttLink MqttLinkFor(string model, AtChannel channel, RecordingLog log)
        {
            switch (ModemModels.DriverOf(model))
            {
                case "bc26":
                    return new QuectelMqttLink(new QuectelModem(QuectelModel.Bc26, channel, log, null, null)) { RegistrationTimeoutMs = 5000 };
                case "ec20":
                    return new QuectelMqttLink(new QuectelModem(QuectelModel.Ec20, channel, log, null, null)) { RegistrationTimeoutMs = 5000, Apn = "cmnet" };
                default:
                    return new EspAtMqttLink(new EspAtModem(channel, log), "lab", "pw") { StartTimeoutMs = 3000 };
            }
        }

        [TestMethod]
        [DataRow("bc26")]
        [DataRow("ec20")]
        [DataRow("ec20-old")]
        [DataRow("esp32-at")]
        [DataRow("esp8266-at")]
        public async Task ModemMqttLink_EveryModel_ConnectSubscribePublishReceiveAndRecover(string model)
        {
            await using DriverRig rig = await StartAsync(model);
            string id = "m-" + model;
            rig.AssertOk(rig.Link.Connect(rig.Options(id)), "connect");
            rig.AssertOk(rig.Link.Subscribe("down/" + id + "/#", 1), "subscribe");
            byte[] payload = Encoding.UTF8.GetBytes(Report);
            rig.AssertOk(rig.Link.Publish("up/" + id, payload, 0, payload.Length, 1), "publish");
            Assert.AreEqual(Report, Encoding.UTF8.GetString(rig.Broker.NextPublish()!.Payload));
            await rig.Broker.PublishFromOtherClientAsync("down/" + id + "/cmd", Encoding.UTF8.GetBytes(Report), 1);
            Assert.AreEqual("down/" + id + "/cmd " + Report, rig.PollForMessage());

            rig.Emulator.Faults.Reboot();
            rig.PollForLoss();
            rig.AssertOk(rig.Link.Connect(rig.Options(id)), "reconnect after reboot");
            await rig.Broker.PublishFromOtherClientAsync("down/" + id + "/cmd", Encoding.UTF8.GetBytes("{\"after\":\"reboot\"}"), 1);
            Assert.AreEqual("down/" + id + "/cmd {\"after\":\"reboot\"}", rig.PollForMessage());
            Assert.IsFalse(rig.Log.Lines.Any(l => l.Contains("refused")), string.Join("\n", rig.Log.Lines));
        }

        [TestMethod]
        public async Task Ec20OldFirmware_RecvModeRefused_LoggedAndPayloadsStillArriveWhole()
        {
            await using DriverRig rig = await StartAsync("ec20-old");
            rig.AssertOk(rig.Link.Connect(rig.Options("old")), "connect");
            rig.AssertOk(rig.Link.Subscribe("down/old", 1), "subscribe");
            await rig.Broker.PublishFromOtherClientAsync("down/old", Encoding.UTF8.GetBytes(Report), 1);

            Assert.AreEqual("down/old " + Report, rig.PollForMessage());
            Assert.IsTrue(rig.Log.Lines.Any(l => l.Contains("recv/mode")), string.Join("\n", rig.Log.Lines));
        }

        [TestMethod]
        public async Task Esp8266_TlsAsked_RefusedByTheDriverBeforeAnyMqttCommand()
        {
            await using DriverRig rig = await StartAsync("esp8266-at");
            var sent = new System.Collections.Concurrent.ConcurrentQueue<string>();
            rig.Emulator.Traced += sent.Enqueue;
            MqttConnectOptions options = rig.Options("tls");
            options.UseTls = true;

            Assert.AreEqual(LinkResult.InvalidArgument, rig.Link.Connect(options));
            StringAssert.Contains(rig.Link.LastError, "ESP8266");
            Assert.IsFalse(sent.Any(l => l.Contains("AT+MQTTUSERCFG")));
        }

        [TestMethod]
        public async Task Esp32_TlsAsked_SntpTimeBeforeMqttconn()
        {
            await using DriverRig rig = await StartAsync("esp32-at");
            var traces = new System.Collections.Concurrent.ConcurrentQueue<string>();
            rig.Emulator.Traced += traces.Enqueue;
            MqttConnectOptions options = rig.Options("tls");
            options.UseTls = true;

            LinkResult result = rig.Link.Connect(options);

            // The emulator carries no TLS session; what matters is that MQTTCONN came after the module had its time.
            string trace = string.Join("\n", traces);
            Assert.AreNotEqual(LinkResult.Ok, result);
            StringAssert.Contains(trace, "AT+CIPSNTPCFG=1,0");
            StringAssert.Contains(trace, "TLS and WebSocket schemes are not emulated");
            Assert.IsFalse(trace.Contains("without SNTP time"), trace);
        }

        [TestMethod]
        [DataRow("ec20")]
        [DataRow("ec20-old")]
        public async Task StreamMqttLink_QuectelTransparentSocket_EveryModelThatHasIt(string model)
        {
            await using ModemRig rig = await ModemRig.StartAsync(o => ModemModels.CreateEmulator(model, o)!);
            var modem = new QuectelModem(QuectelModel.Ec20, rig.Channel, new RecordingLog(), null, null);
            var link = new StreamMqttLink(new QuectelStreamConnector(modem) { RegistrationTimeoutMs = 5000 }, rig.Clock, new RecordingLog(), "tcp-raw", 4096);

            Assert.AreEqual(LinkResult.Ok, link.Connect(new MqttConnectOptions { Host = "127.0.0.1", Port = rig.Broker.Port, ClientId = "raw-" + model, KeepAliveSeconds = 60 }), link.LastError);
            byte[] payload = Encoding.UTF8.GetBytes(Report);
            Assert.AreEqual(LinkResult.Ok, link.Publish("up/raw", payload, 0, payload.Length, 1), link.LastError);
            Assert.AreEqual(Report, Encoding.UTF8.GetString(rig.Broker.NextPublish(5000)!.Payload));
            link.Disconnect();
        }

        [TestMethod]
        public async Task StreamMqttLink_Bc26WithoutTransparentMode_RefusedWithTheReason()
        {
            await using ModemRig rig = await ModemRig.StartAsync(o => new Bc26Emulator(o));
            var modem = new QuectelModem(QuectelModel.Bc26, rig.Channel, new RecordingLog(), null, null);
            var connector = new QuectelStreamConnector(modem) { RegistrationTimeoutMs = 5000 };

            Assert.IsNull(connector.Open("127.0.0.1", rig.Broker.Port, false, 10000));
            StringAssert.Contains(connector.LastError, "no transparent socket");
        }
    }
}
