#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.At;
using StmNode.Host.Adapters;
using StmNode.Host.Emulators;
using StmNode.IntegrationTests.Emulators;
using StmNode.Modems;
using StmNode.Mqtt;
using StmNode.IntegrationTests.Support;
using StmNode.Ports;
using RecordingLog = StmNode.IntegrationTests.Support.RecordingLog;

namespace StmNode.IntegrationTests.Modems
{
    /// <summary>
    /// Core's modem drivers (AtChannel, QuectelModem (BC26 / EC20) / EspAtModem and their links and stream connectors)
    /// against the emulated modems on an in-memory cable, carrying real MQTT to an in-process broker, in real time.
    /// </summary>
    [TestClass]
    public class ModemEmulatorTests
    {
        private const string Json = "{\"services\":[{\"service_id\":\"env\",\"properties\":{\"t\":21.5,\"note\":\"a,b\\\"c\"}}]}";

        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        [DataRow(false)]
        [DataRow(true)]
        public async Task QuectelLink_ConnectSubscribePublishReceive_ThroughEmulator(bool ec20)
        {
            await using ModemRig rig = await ModemRig.StartAsync(o => ec20 ? new Ec20Emulator(o) : new Bc26Emulator(o));
            AtChannel channel = rig.Channel;
            var modem = new QuectelModem(ec20 ? QuectelModel.Ec20 : QuectelModel.Bc26, channel, new RecordingLog(), null, null);
            var link = new QuectelMqttLink(modem);
            var received = new List<string>();

            Assert.AreEqual(LinkResult.Ok, link.Connect(Options(rig.Broker.Port)), link.LastError + "\n" + channel.Trace.Dump());
            Assert.AreEqual(LinkResult.Ok, link.Subscribe("down/#", 1), link.LastError);
            byte[] payload = Encoding.UTF8.GetBytes(Json);
            Assert.AreEqual(LinkResult.Ok, link.Publish("up/report", payload, 0, payload.Length, 1), link.LastError + "\n" + channel.Trace.Dump());

            ReceivedPublish? published = rig.Broker.NextPublish(5000);
            Assert.IsNotNull(published);
            Assert.AreEqual("up/report", published.Topic);
            Assert.AreEqual(Json, Encoding.UTF8.GetString(published.Payload));

            await rig.Broker.PublishFromOtherClientAsync("down/cmd", Encoding.UTF8.GetBytes(Json));
            PollUntil(link, received, 5000);
            CollectionAssert.AreEqual(new[] { "down/cmd=" + Json }, received);
        }

        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        public async Task QuectelLink_EmulatorReboots_LostThenReconnectRedoesEverything()
        {
            await using ModemRig rig = await ModemRig.StartAsync(o => new Ec20Emulator(o));
            AtChannel channel = rig.Channel;
            var link = new QuectelMqttLink(new QuectelModem(QuectelModel.Ec20, channel, new RecordingLog(), null, null));
            var lost = new List<string>();
            link.Lost += reason => lost.Add(reason);
            Assert.AreEqual(LinkResult.Ok, link.Connect(Options(rig.Broker.Port)), link.LastError);
            Assert.AreEqual(LinkResult.Ok, link.Subscribe("down/#", 1), link.LastError);

            rig.Emulator.Reboot();
            PollUntil(link, () => lost.Count > 0, 10000);

            Assert.AreEqual("modem rebooted", lost[0]);
            Assert.IsFalse(link.IsConnected);
            Assert.AreEqual(LinkResult.Ok, link.Connect(Options(rig.Broker.Port)), link.LastError + "\n" + channel.Trace.Dump());
            await rig.Broker.PublishFromOtherClientAsync("down/again", Encoding.UTF8.GetBytes("1"));
            var received = new List<string>();
            PollUntil(link, received, 5000);
            CollectionAssert.AreEqual(new[] { "down/again=1" }, received);
        }

        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        public async Task EspAtLink_JoinConnectPublishReceive_ThroughEmulator()
        {
            await using ModemRig rig = await ModemRig.StartAsync(o => new EspAtEmulator(o), "lab,net", "p\"w");
            AtChannel channel = rig.Channel;
            var link = new EspAtMqttLink(new EspAtModem(channel, new RecordingLog()), "lab,net", "p\"w");
            var received = new List<string>();

            Assert.AreEqual(LinkResult.Ok, link.Connect(Options(rig.Broker.Port)), link.LastError + "\n" + channel.Trace.Dump());
            Assert.AreEqual(LinkResult.Ok, link.Subscribe("down/#", 1), link.LastError);
            byte[] payload = Encoding.UTF8.GetBytes(Json + "\r\n+++");
            Assert.AreEqual(LinkResult.Ok, link.Publish("up/report", payload, 0, payload.Length, 1), link.LastError + "\n" + channel.Trace.Dump());

            ReceivedPublish? published = rig.Broker.NextPublish(5000);
            Assert.IsNotNull(published);
            Assert.AreEqual(Json + "\r\n+++", Encoding.UTF8.GetString(published.Payload));
            Assert.IsFalse(channel.Trace.Dump().Contains("p\\\"w"), channel.Trace.Dump());

            await rig.Broker.PublishFromOtherClientAsync("down/cmd", Encoding.UTF8.GetBytes("x\r\nOK\r\n"));
            PollUntil(link, received, 5000);
            CollectionAssert.AreEqual(new[] { "down/cmd=x\r\nOK\r\n" }, received);
        }

        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        [DataRow("ec20")]
        public async Task StreamMqttLink_OverModemTransparentSocket_PublishesAndReceives(string model)
        {
            await RunStreamMqttLinkOverModem(model);
        }

        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        public async Task StreamMqttLink_OverEspAtPassthrough_PublishesAndReceives()
        {
            await RunStreamMqttLinkOverModem("esp-at");
        }

        private static async Task RunStreamMqttLinkOverModem(string model)
        {
            await using ModemRig rig = await ModemRig.StartAsync(o => model == "ec20" ? new Ec20Emulator(o) : new EspAtEmulator(o), "lab", "pw");
            SystemClock clock = rig.Clock;
            AtChannel channel = rig.Channel;
            IStreamConnector connector;
            if (model == "ec20")
            {
                var modem = new QuectelModem(QuectelModel.Ec20, channel, new RecordingLog(), null, null);
                Assert.IsTrue(modem.PowerOn() && modem.Initialize() && modem.ActivatePdp(), modem.LastError?.Message);
                connector = new QuectelStreamConnector(modem);
            }
            else
            {
                var modem = new EspAtModem(channel, new RecordingLog());
                Assert.IsTrue(modem.Start(5000) && modem.JoinWifi("lab", "pw"), modem.LastError?.Message);
                connector = new EspAtStreamConnector(modem);
            }

            var link = new StreamMqttLink(connector, clock, new RecordingLog(), model + "-socket", 4096);
            var received = new List<string>();
            MqttConnectOptions connect = Options(rig.Broker.Port);

            Assert.AreEqual(LinkResult.Ok, link.Connect(connect), link.LastError + "\n" + channel.Trace.Dump());
            Assert.AreEqual(LinkResult.Ok, link.Subscribe("down/#", 1), link.LastError);
            byte[] payload = Encoding.UTF8.GetBytes("{\"x\":\"\r\nAT+QPOWD=1\r\n+++\"}");
            Assert.AreEqual(LinkResult.Ok, link.Publish("up/raw", payload, 0, payload.Length, 1), link.LastError);
            ReceivedPublish? published = rig.Broker.NextPublish(5000);
            Assert.IsNotNull(published);
            CollectionAssert.AreEqual(payload, published.Payload);

            await rig.Broker.PublishFromOtherClientAsync("down/cmd", Encoding.UTF8.GetBytes("go"));
            PollUntil(link, received, 5000);
            CollectionAssert.AreEqual(new[] { "down/cmd=go" }, received);

            link.Disconnect();
            Assert.IsFalse(channel.IsTransparent, channel.Trace.Dump());
            Assert.IsTrue(channel.Send("AT", null, 1000).IsOk, channel.Trace.Dump());
        }

        private static MqttConnectOptions Options(int port)
        {
            return new MqttConnectOptions
            {
                Host = "127.0.0.1",
                Port = port,
                ClientId = "node-" + Guid.NewGuid().ToString("N").Substring(0, 8),
                Username = "user",
                Password = "secret",
                KeepAliveSeconds = 60,
            };
        }

        private static void PollUntil(IMqttLink link, Func<bool> done, int timeoutMs)
        {
            Stopwatch waited = Stopwatch.StartNew();
            while (!done() && waited.ElapsedMilliseconds < timeoutMs)
            {
                link.Poll(50);
            }
        }

        /// <summary>Polls until a message was received, taking what arrives into received.</summary>
        private static void PollUntil(IMqttLink link, List<string> received, int timeoutMs)
        {
            PollUntil(link, () =>
            {
                link.TakeInto(received);
                return received.Count > 0;
            }, timeoutMs);
        }
    }
}
