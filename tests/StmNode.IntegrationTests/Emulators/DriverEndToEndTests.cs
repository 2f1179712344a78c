#nullable enable
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Emulators;
using StmNode.Modems;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Emulators
{
    /// <summary>Core's modem drivers, unchanged, against the emulated modems and a real broker.</summary>
    [TestClass]
    public class DriverEndToEndTests
    {
        private const string Report = "{\"services\":[{\"service_id\":\"env\",\"properties\":{\"t\":21.5,\"note\":\"a,\\\"b\\\"\"}}]}";

        private static Task<DriverRig> Bc26Async() => DriverRig.StartAsync(
            new Bc26Emulator(EmulatorRig.FastOptions()),
            (channel, log) => new QuectelMqttLink(new QuectelModem(QuectelModel.Bc26, channel, log, null, null)) { RegistrationTimeoutMs = 5000 });

        private static Task<DriverRig> Ec20Async() => DriverRig.StartAsync(
            new Ec20Emulator(EmulatorRig.FastOptions()),
            (channel, log) => new QuectelMqttLink(new QuectelModem(QuectelModel.Ec20, channel, log, null, null)) { RegistrationTimeoutMs = 5000, Apn = "cmnet" });

        private static Task<DriverRig> EspAtAsync() => DriverRig.StartAsync(
            new EspAtEmulator(EspAtEmulatorTests.Options()),
            (channel, log) => new EspAtMqttLink(new EspAtModem(channel, log), "lab", "pw") { StartTimeoutMs = 3000 });

        private static async Task ConnectSubscribePublishReceive(DriverRig rig, string clientId)
        {
            rig.AssertOk(rig.Link.Connect(rig.Options(clientId)), "connect");
            Assert.IsTrue(rig.Link.IsConnected);
            rig.AssertOk(rig.Link.Subscribe("down/" + clientId + "/#", 1), "subscribe");
            byte[] payload = Encoding.UTF8.GetBytes(Report);
            rig.AssertOk(rig.Link.Publish("up/" + clientId, payload, 0, payload.Length, 1), "publish");
            ReceivedPublish? up = rig.Broker.NextPublish();
            Assert.IsNotNull(up);
            Assert.AreEqual("up/" + clientId, up.Topic);
            Assert.AreEqual(Report, Encoding.UTF8.GetString(up.Payload));
            await AssertDownlink(rig, clientId, "{\"led\":\"on\",\"x\":\"a,b\"}");
        }

        private static async Task AssertDownlink(DriverRig rig, string clientId, string body)
        {
            await rig.Broker.PublishFromOtherClientAsync("down/" + clientId + "/cmd", Encoding.UTF8.GetBytes(body), 1);
            Assert.AreEqual("down/" + clientId + "/cmd " + body, rig.PollForMessage());
        }

        private static async Task RecoverFromDropAndReboot(DriverRig rig, string clientId)
        {
            rig.Emulator.Faults.DropMqtt(0, 1);
            rig.PollForLoss();
            Assert.IsFalse(rig.Link.IsConnected);
            rig.AssertOk(rig.Link.Connect(rig.Options(clientId)), "reconnect after link loss");
            await AssertDownlink(rig, clientId, "{\"after\":\"drop\"}");

            rig.Emulator.Faults.Reboot();
            rig.PollForLoss();
            Assert.IsFalse(rig.Link.IsConnected);
            rig.AssertOk(rig.Link.Connect(rig.Options(clientId)), "reconnect after reboot");
            await AssertDownlink(rig, clientId, "{\"after\":\"reboot\"}");
        }

        [TestMethod]
        public async Task Bc26Link_ConnectSubscribePublishReceive()
        {
            await using DriverRig rig = await Bc26Async();
            await ConnectSubscribePublishReceive(rig, "bc26");
        }

        [TestMethod]
        public async Task Bc26Link_RecoversFromQmtstatAndReboot()
        {
            await using DriverRig rig = await Bc26Async();
            await ConnectSubscribePublishReceive(rig, "bc26r");
            await RecoverFromDropAndReboot(rig, "bc26r");
        }

        [TestMethod]
        public async Task Ec20Link_ConnectSubscribePublishReceive()
        {
            await using DriverRig rig = await Ec20Async();
            await ConnectSubscribePublishReceive(rig, "ec20");
        }

        [TestMethod]
        public async Task Ec20Link_RecoversFromQmtstatAndReboot()
        {
            await using DriverRig rig = await Ec20Async();
            await ConnectSubscribePublishReceive(rig, "ec20r");
            await RecoverFromDropAndReboot(rig, "ec20r");
        }

        [TestMethod]
        public async Task Ec20Link_UnderChunkingStormsAndAnErrorAnswer_StillWorks()
        {
            await using DriverRig rig = await Ec20Async();
            rig.Emulator.Faults.Chunking = OutputChunking.RandomChunks;
            rig.AssertOk(rig.Link.Connect(rig.Options("ec20f")), "connect");
            rig.Emulator.Faults.UrcStorm(30);
            rig.Emulator.Faults.FailCommand("AT+QMTSUB", "+CME ERROR: 50");
            Assert.AreNotEqual(LinkResult.Ok, rig.Link.Subscribe("down/ec20f/#", 1));
            rig.AssertOk(rig.Link.Subscribe("down/ec20f/#", 1), "subscribe after the error answer");
            rig.Emulator.Faults.UrcStorm(30);
            byte[] payload = Encoding.UTF8.GetBytes(Report);
            rig.AssertOk(rig.Link.Publish("up/ec20f", payload, 0, payload.Length, 1), "publish");
            Assert.AreEqual(Report, Encoding.UTF8.GetString(rig.Broker.NextPublish()!.Payload));
            await AssertDownlink(rig, "ec20f", "{\"chunked\":true}");
        }

        [TestMethod]
        public async Task EspAtLink_ConnectSubscribePublishReceive()
        {
            await using DriverRig rig = await EspAtAsync();
            await ConnectSubscribePublishReceive(rig, "esp");
        }

        [TestMethod]
        public async Task EspAtLink_RecoversFromDisconnectAndReboot()
        {
            await using DriverRig rig = await EspAtAsync();
            await ConnectSubscribePublishReceive(rig, "espr");
            await RecoverFromDropAndReboot(rig, "espr");
        }
    }
}
