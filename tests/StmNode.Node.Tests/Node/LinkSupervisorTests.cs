#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Collections;
using StmNode.Config;
using StmNode.Node;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Node
{
    [TestClass]
    public class LinkSupervisorTests
    {
        [TestMethod]
        public void Step_ConnectRefused_WaitsForBackoffBeforeNextAttempt()
        {
            ManualClock clock = new ManualClock();
            FakeMqttLink link = new FakeMqttLink("wifi");
            link.ConnectResult = LinkResult.Refused;
            LinkSupervisor links = Create(clock, NodeRig.ValidConfig(), new FakeSystem());
            links.AddLink(new Transport(link));

            links.Step(50);
            Assert.AreEqual(1, link.ConnectCalls);
            Assert.AreEqual(LinkState.WaitingRetry, links.State);
            long next = links.NextAttemptMs;
            Assert.IsTrue(next >= 1000);

            clock.Advance(next - 1);
            links.Step(50);
            Assert.AreEqual(1, link.ConnectCalls);

            clock.Advance(1);
            links.Step(50);
            Assert.AreEqual(2, link.ConnectCalls);
            Assert.AreEqual("wifi: connect refused by test", links.LastError);
        }

        [TestMethod]
        public void Step_ModemKeepsFailing_ClimbsLadderThenFailsOver()
        {
            ManualClock clock = new ManualClock();
            ArrayList steps = new ArrayList();
            FakeMqttLink ec20 = new FakeMqttLink("ec20");
            FakeMqttLink bc26 = new FakeMqttLink("bc26");
            ec20.ConnectResult = LinkResult.Timeout;
            bc26.ConnectResult = LinkResult.Timeout;
            LinkSupervisor links = Create(clock, NodeRig.ValidConfig(), new FakeSystem());
            links.AddLink(new Transport(ec20, new FakeModemRecovery("ec20", steps), null, 0));
            links.AddLink(new Transport(bc26, new FakeModemRecovery("bc26", steps), null, 0));

            RunFor(clock, links, 120000);

            Assert.AreEqual(4, ec20.ConnectCalls);
            Assert.IsTrue(bc26.ConnectCalls >= 2);
            Assert.AreEqual("ec20:reopen", (string)steps[0]);
            Assert.AreEqual("ec20:radio", (string)steps[1]);
            Assert.AreEqual("ec20:power", (string)steps[2]);
            Assert.AreEqual("bc26:reopen", (string)steps[3]);
        }

        [TestMethod]
        public void Step_SecondTransportWorks_OnlineThere()
        {
            ManualClock clock = new ManualClock();
            FakeMqttLink wifi = new FakeMqttLink("wifi");
            FakeMqttLink ec20 = new FakeMqttLink("ec20");
            wifi.ConnectResult = LinkResult.Failed;
            LinkSupervisor links = Create(clock, NodeRig.ValidConfig(), new FakeSystem());
            links.AddLink(new Transport(wifi));
            links.AddLink(new Transport(ec20, null, new FakeModemRecovery("ec20", new ArrayList()), 0));

            RunFor(clock, links, 60000);

            Assert.IsTrue(links.IsOnline);
            Assert.AreEqual("ec20", links.CurrentKind);
            Assert.AreEqual(-71, links.CurrentInfo.SignalDbm);
            Assert.AreEqual(1, links.SessionCount);
        }

        [TestMethod]
        public void Step_OfflineTooLongEverywhere_AsksForRebootOnce()
        {
            ManualClock clock = new ManualClock();
            NodeConfig config = NodeRig.ValidConfig();
            config.RebootAfterOfflineSeconds = 600;
            FakeSystem system = new FakeSystem();
            FakeMqttLink link = new FakeMqttLink("wifi");
            link.ConnectResult = LinkResult.Timeout;
            LinkSupervisor links = Create(clock, config, system);
            links.AddLink(new Transport(link));

            RunFor(clock, links, 599000);
            Assert.AreEqual(0, system.RebootRequests);

            RunFor(clock, links, 3600000);
            Assert.AreEqual(1, system.RebootRequests);
            Assert.IsTrue(system.LastRebootReason.IndexOf("offline for") == 0);
        }

        [TestMethod]
        public void Step_BackoffDelays_StayWithinOneSecondAndFiveMinutes()
        {
            ManualClock clock = new ManualClock();
            FakeMqttLink link = new FakeMqttLink("wifi");
            link.ConnectResult = LinkResult.Refused;
            LinkSupervisor links = Create(clock, NodeRig.ValidConfig(), new FakeSystem());
            links.AddLink(new Transport(link));

            long maxGap = 0;
            for (int attempt = 0; attempt < 20; attempt++)
            {
                links.Step(50);
                long gap = links.NextAttemptMs - clock.UptimeMs;
                Assert.IsTrue(gap >= 1000 && gap <= 300000, gap.ToString());
                maxGap = gap > maxGap ? gap : maxGap;
                clock.Advance(gap);
            }

            Assert.AreEqual(20, link.ConnectCalls);
            Assert.IsTrue(maxGap > 200000);
        }

        [TestMethod]
        public void Step_LostWhileOnline_CountsReconnectAndComesBack()
        {
            ManualClock clock = new ManualClock();
            FakeMqttLink link = new FakeMqttLink("wifi");
            LinkSupervisor links = Create(clock, NodeRig.ValidConfig(), new FakeSystem());
            links.AddLink(new Transport(link));
            links.Step(50);
            Assert.IsTrue(links.IsOnline);

            link.Drop("socket closed");
            links.Step(50);
            Assert.IsFalse(links.IsOnline);
            Assert.AreEqual(1, links.ReconnectCount);

            RunFor(clock, links, 1100);
            Assert.IsTrue(links.IsOnline);
            Assert.AreEqual(2, links.SessionCount);
        }

        [TestMethod]
        public void Step_Reconnect_LinkKeepsItsSubscriptionsAndNothingSubscribesAgain()
        {
            ManualClock clock = new ManualClock();
            FakeMqttLink link = new FakeMqttLink("ec20");
            LinkSupervisor links = Create(clock, NodeRig.ValidConfig(), new FakeSystem());

            links.AddLink(new Transport(link));
            int handedOver = link.SubscribeCalls;
            links.Step(50);
            link.Drop("+QMTSTAT 1");
            links.Step(50);
            RunFor(clock, links, 1100);

            Assert.AreEqual(5, handedOver);
            Assert.AreEqual(2, link.ConnectCalls);
            Assert.AreEqual(2, links.SessionCount);
            Assert.AreEqual(5, link.SubscribeCalls);
            Assert.AreEqual(5, link.Subscriptions.Count);
        }

        [TestMethod]
        public void TryTakeMessage_StandbyLinkHoldsOne_TakenAfterTheCurrentLinks()
        {
            ManualClock clock = new ManualClock();
            FakeMqttLink wifi = new FakeMqttLink("wifi");
            FakeMqttLink ec20 = new FakeMqttLink("ec20");
            LinkSupervisor links = Create(clock, NodeRig.ValidConfig(), new FakeSystem());
            links.AddLink(new Transport(wifi));
            links.AddLink(new Transport(ec20));
            links.Step(50);

            ec20.Connect(new MqttConnectOptions());
            ec20.Inject("cmd/1", "SET_LED led=1 state=ON");
            ec20.Poll(0);
            wifi.Inject("cmd/2", "SET_LED led=2 state=ON");
            links.Step(50);

            string topic;
            byte[] payload;
            Assert.IsTrue(links.TryTakeMessage(out topic, out payload));
            Assert.AreEqual("cmd/2", topic);
            Assert.IsTrue(links.TryTakeMessage(out topic, out payload));
            Assert.AreEqual("cmd/1", topic);
            Assert.IsFalse(links.TryTakeMessage(out topic, out payload));
        }

        [TestMethod]
        public void Step_LinkWithoutTls_ConnectsPlainToItsPort()
        {
            ManualClock clock = new ManualClock();
            FakeMqttLink bc26 = new FakeMqttLink("bc26");
            LinkSupervisor links = Create(clock, NodeRig.ValidConfig(), new FakeSystem());
            links.AddLink(new Transport(bc26, null, null, 1883));

            links.Step(50);

            Assert.IsTrue(links.IsOnline);
            Assert.IsFalse(bc26.LastOptions.UseTls);
            Assert.AreEqual(1883, bc26.LastOptions.Port);
            Assert.AreEqual("computed-secret", bc26.LastOptions.Password);
        }

        [TestMethod]
        public void Step_PreferredComesBackAfterFailover_SwitchesOnceAndClosesBackup()
        {
            ManualClock clock = new ManualClock();
            FakeMqttLink wifi = new FakeMqttLink("wifi");
            FakeMqttLink ec20 = new FakeMqttLink("ec20");
            wifi.ConnectResult = LinkResult.Failed;
            LinkSupervisor links = Create(clock, NodeRig.ValidConfig(), new FakeSystem());
            links.AddLink(new Transport(wifi));
            links.AddLink(new Transport(ec20));
            RunUntilOnline(clock, links);
            Assert.AreEqual("ec20", links.CurrentKind);
            int wifiTries = wifi.ConnectCalls;

            wifi.ConnectResult = LinkResult.Ok;
            RunFor(clock, links, 590000);
            Assert.AreEqual("ec20", links.CurrentKind);
            Assert.AreEqual(wifiTries, wifi.ConnectCalls);

            RunFor(clock, links, 20000);
            Assert.IsTrue(links.IsOnline);
            Assert.AreEqual("wifi", links.CurrentKind);
            Assert.AreEqual(1, links.FailbackCount);
            Assert.AreEqual(2, links.SessionCount);
            Assert.AreEqual(0, links.ReconnectCount);
            Assert.IsFalse(ec20.IsConnected);
            Assert.AreEqual(5, wifi.Subscriptions.Count);

            RunFor(clock, links, 3600000);
            Assert.AreEqual("wifi", links.CurrentKind);
            Assert.AreEqual(1, links.FailbackCount);
            Assert.AreEqual(wifiTries + 1, wifi.ConnectCalls);
            Assert.AreEqual(1, ec20.ConnectCalls);
        }

        [TestMethod]
        public void Step_PreferredStillDown_StaysOnBackupAndTriesRarely()
        {
            ManualClock clock = new ManualClock();
            FakeMqttLink wifi = new FakeMqttLink("wifi");
            FakeMqttLink ec20 = new FakeMqttLink("ec20");
            wifi.ConnectResult = LinkResult.Failed;
            NodeConfig config = NodeRig.ValidConfig();
            config.FailbackCheckSeconds = 60;
            config.BackoffMaxMs = 300000;
            LinkSupervisor links = Create(clock, config, new FakeSystem());
            links.AddLink(new Transport(wifi));
            links.AddLink(new Transport(ec20));
            RunUntilOnline(clock, links);
            int wifiTries = wifi.ConnectCalls;

            RunFor(clock, links, 3600000);

            Assert.IsTrue(links.IsOnline);
            Assert.AreEqual("ec20", links.CurrentKind);
            Assert.AreEqual(0, links.FailbackCount);
            Assert.AreEqual(1, links.SessionCount);
            Assert.AreEqual(1, ec20.ConnectCalls);
            Assert.AreEqual(0, ec20.DisconnectCalls);
            Assert.IsTrue(ec20.IsConnected);

            // Every 60 s would be 60 tries in the hour; the link backoff stretches them towards its 5 min maximum.
            int tries = wifi.ConnectCalls - wifiTries;
            Assert.IsTrue(tries >= 10 && tries <= 25, tries.ToString());
        }

        [TestMethod]
        public void Step_FailbackOff_NeverTriesPreferredWhileOnline()
        {
            ManualClock clock = new ManualClock();
            FakeMqttLink wifi = new FakeMqttLink("wifi");
            FakeMqttLink ec20 = new FakeMqttLink("ec20");
            wifi.ConnectResult = LinkResult.Failed;
            NodeConfig config = NodeRig.ValidConfig();
            config.FailbackCheckSeconds = 0;
            LinkSupervisor links = Create(clock, config, new FakeSystem());
            links.AddLink(new Transport(wifi));
            links.AddLink(new Transport(ec20));
            RunUntilOnline(clock, links);
            int wifiTries = wifi.ConnectCalls;
            wifi.ConnectResult = LinkResult.Ok;

            RunFor(clock, links, 7200000);

            Assert.AreEqual("ec20", links.CurrentKind);
            Assert.AreEqual(wifiTries, wifi.ConnectCalls);
        }

        private static LinkSupervisor Create(ManualClock clock, NodeConfig config, FakeSystem system)
        {
            return new LinkSupervisor(clock, new RecordingLog(), new FakeCloud(), config, system, 7);
        }

        private static void RunFor(ManualClock clock, LinkSupervisor links, long ms)
        {
            long end = clock.UptimeMs + ms;
            while (clock.UptimeMs < end)
            {
                links.Step(50);
                clock.Advance(50);
            }
        }

        private static void RunUntilOnline(ManualClock clock, LinkSupervisor links)
        {
            for (int i = 0; i < 100000 && !links.IsOnline; i++)
            {
                links.Step(50);
                clock.Advance(50);
            }

            Assert.IsTrue(links.IsOnline);
        }
    }
}
