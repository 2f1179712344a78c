#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Emulators;
using StmNode.IntegrationTests.Emulators;
using StmNode.Modems;
using StmNode.Ports;
using RecordingLog = StmNode.IntegrationTests.Support.RecordingLog;

namespace StmNode.IntegrationTests.Modems
{
    /// <summary>Core's modem links under the emulators' injected faults: noise, split output, URC storms, drops, hangs, reboots.</summary>
    [TestClass]
    public class ModemFaultTests
    {
        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        [DataRow("bc26")]
        [DataRow("ec20")]
        [DataRow("esp-at")]
        public async Task Publish_UnderNoiseSplitOutputAndUrcStorms_EveryMessageArrives(string kind)
        {
            await using ModemRig rig = await StartAsync(kind);
            IMqttLink link = Link(rig, kind);
            Assert.AreEqual(LinkResult.Ok, link.Connect(Options(rig)), link.LastError + "\n" + rig.Channel.Trace.Dump());
            rig.Emulator.Faults.Chunking = OutputChunking.RandomChunks;

            for (int i = 0; i < 5; i++)
            {
                rig.Emulator.Faults.Garbage(40);
                rig.Emulator.Faults.UrcStorm(30);
                link.Poll(100);
                byte[] payload = Encoding.UTF8.GetBytes("{\"n\":" + i.ToString() + ",\"s\":\"a,\\\"b\"}");
                Assert.AreEqual(LinkResult.Ok, link.Publish("up/" + i.ToString(), payload, 0, payload.Length, 1), link.LastError + "\n" + rig.Channel.Trace.Dump());
                ReceivedPublish? published = rig.Broker.NextPublish(5000);
                Assert.IsNotNull(published, "message " + i.ToString());
                CollectionAssert.AreEqual(payload, published.Payload);
            }

            Assert.IsTrue(link.IsConnected);
        }

        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        [DataRow("bc26")]
        [DataRow("ec20")]
        [DataRow("esp-at")]
        public async Task BrokerSideDrop_LostThenReconnectAndPublish(string kind)
        {
            await using ModemRig rig = await StartAsync(kind);
            IMqttLink link = Link(rig, kind);
            var lost = new List<string>();
            link.Lost += reason => lost.Add(reason);
            Assert.AreEqual(LinkResult.Ok, link.Connect(Options(rig)), link.LastError);

            rig.Emulator.Faults.DropMqtt(0, 1);
            PollUntil(link, () => lost.Count > 0, 5000);

            Assert.AreEqual(1, lost.Count);
            Assert.IsFalse(link.IsConnected);
            Assert.AreEqual(LinkResult.Ok, link.Connect(Options(rig)), link.LastError + "\n" + rig.Channel.Trace.Dump());
            Assert.AreEqual(LinkResult.Ok, link.Publish("up/after", new byte[] { 0x7B, 0x7D }, 0, 2, 1), link.LastError);
            Assert.IsNotNull(rig.Broker.NextPublish(5000));
        }

        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        [DataRow("bc26")]
        [DataRow("ec20")]
        [DataRow("esp-at")]
        public async Task RebootDuringPayload_PublishFailsLostAndFullReconnectWorks(string kind)
        {
            await using ModemRig rig = await StartAsync(kind);
            IMqttLink link = Link(rig, kind);
            var lost = new List<string>();
            link.Lost += reason => lost.Add(reason);
            Assert.AreEqual(LinkResult.Ok, link.Connect(Options(rig)), link.LastError);

            rig.Emulator.Faults.RebootDuringNextPayload();
            LinkResult published = link.Publish("up/x", Encoding.UTF8.GetBytes("{\"a\":1}"), 0, 7, 1);
            PollUntil(link, () => lost.Count > 0, 5000);

            Assert.AreNotEqual(LinkResult.Ok, published);
            Assert.AreEqual(1, lost.Count, string.Join(" | ", lost));
            Assert.AreEqual(LinkResult.Ok, link.Connect(Options(rig)), link.LastError + "\n" + rig.Channel.Trace.Dump());
            Assert.AreEqual(LinkResult.Ok, link.Publish("up/y", new byte[] { 0x31 }, 0, 1, 1), link.LastError);
            Assert.IsNotNull(rig.Broker.NextPublish(5000));
        }

        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        [DataRow("bc26")]
        [DataRow("ec20")]
        public async Task MissingPrompt_PublishTimesOutThenNextPublishWorks(string kind)
        {
            await using ModemRig rig = await StartAsync(kind);
            IMqttLink link = Link(rig, kind);
            Assert.AreEqual(LinkResult.Ok, link.Connect(Options(rig)), link.LastError);

            rig.Emulator.Faults.DropPrompt = true;
            LinkResult first = link.Publish("up/x", new byte[] { 0x31 }, 0, 1, 1);
            rig.Emulator.Faults.DropPrompt = false;
            LinkResult second = link.Publish("up/y", new byte[] { 0x32 }, 0, 1, 1);

            Assert.AreEqual(LinkResult.Timeout, first);
            Assert.AreEqual(LinkResult.Ok, second, link.LastError + "\n" + rig.Channel.Trace.Dump());
            ReceivedPublish? published = rig.Broker.NextPublish(5000);
            Assert.IsNotNull(published);
            Assert.AreEqual("up/y", published.Topic);
        }

        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        [DataRow("ec20")]
        [DataRow("esp-at")]
        public async Task ModemHangsThenRecovers_TimeoutThenResyncedAndPublishing(string kind)
        {
            await using ModemRig rig = await StartAsync(kind);
            IMqttLink link = Link(rig, kind);
            Assert.AreEqual(LinkResult.Ok, link.Connect(Options(rig)), link.LastError);

            rig.Emulator.Faults.Hang(1500);
            Stopwatch elapsed = Stopwatch.StartNew();
            LinkResult hung = link.Publish("up/x", new byte[] { 0x31 }, 0, 1, 1);
            elapsed.Stop();

            Assert.AreNotEqual(LinkResult.Ok, hung);
            Assert.IsTrue(elapsed.ElapsedMilliseconds < 40000, "bounded wait");
            if (!link.IsConnected)
            {
                Assert.AreEqual(LinkResult.Ok, link.Connect(Options(rig)), link.LastError);
            }

            Assert.AreEqual(LinkResult.Ok, link.Publish("up/y", new byte[] { 0x32 }, 0, 1, 1), link.LastError + "\n" + rig.Channel.Trace.Dump());
        }

        private static Task<ModemRig> StartAsync(string kind)
        {
            return ModemRig.StartAsync(
                o => kind == "ec20" ? new Ec20Emulator(o) : kind == "bc26" ? new Bc26Emulator(o) : new EspAtEmulator(o), "lab", "pw");
        }

        private static IMqttLink Link(ModemRig rig, string kind)
        {
            // Short prompt bound so the missing-prompt and hang cases stay quick; the product default is 5 s.
            if (kind == "esp-at")
            {
                var esp = new EspAtModem(rig.Channel, new RecordingLog()) { PromptTimeoutMs = 1000 };
                return new EspAtMqttLink(esp, "lab", "pw");
            }

            var modem = new QuectelModem(kind == "ec20" ? QuectelModel.Ec20 : QuectelModel.Bc26, rig.Channel, new RecordingLog(), null, null);
            var link = new QuectelMqttLink(modem);
            link.Mqtt.PromptTimeoutMs = 1000;
            return link;
        }

        private static MqttConnectOptions Options(ModemRig rig)
        {
            return new MqttConnectOptions { Host = "127.0.0.1", Port = rig.Broker.Port, ClientId = "fault-node", Username = "u", Password = "p", KeepAliveSeconds = 60 };
        }

        private static void PollUntil(IMqttLink link, Func<bool> done, int timeoutMs)
        {
            Stopwatch waited = Stopwatch.StartNew();
            while (!done() && waited.ElapsedMilliseconds < timeoutMs)
            {
                link.Poll(50);
            }
        }
    }
}
