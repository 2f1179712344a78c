#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using System.Collections;
using StmNode.Node;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Node
{
    [TestClass]
    public class NodeControllerTests
    {
        [TestMethod]
        public void Start_LinkUp_ConnectsSubscribesAndReports()
        {
            NodeRig rig = new NodeRig();
            rig.Start();

            rig.RunFor(2100);

            Assert.AreEqual(1, rig.Link.ConnectCalls);
            Assert.AreEqual(5, rig.Link.Subscriptions.Count);
            Assert.AreEqual("computed-secret", rig.Link.LastOptions.Password);
            Assert.AreEqual("stm32|-|DHT11_T=21.5;DHT11_H=40.0;MQ2=0;gas_level=10;flame=0;water=0;light=1;LED1=0;LED2=0;LED3=0",
                rig.LastPublished("report", "stm32|"));
        }

        [TestMethod]
        public void Step_ReportPeriod_ReportsEverySixtySeconds()
        {
            NodeRig rig = new NodeRig();
            rig.Start();

            rig.RunFor(2100 + 120000);

            Assert.AreEqual(3, rig.CountPublished("report", "stm32|"));
        }

        [TestMethod]
        public void Step_FlameEdge_ReportsAtOnceThenRespectsMinimumInterval()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(3000);
            Assert.AreEqual(1, rig.CountPublished("report", "stm32|"));

            rig.Flame.Level = false;
            rig.RunFor(200);
            Assert.AreEqual(2, rig.CountPublished("report", "stm32|"));
            Assert.AreEqual(1, rig.CountPublished("report", "flame=1"));

            rig.Flame.Level = true;
            rig.RunFor(1000);
            Assert.AreEqual(2, rig.CountPublished("report", "stm32|"));

            rig.RunFor(5000);
            Assert.AreEqual(3, rig.CountPublished("report", "stm32|"));
            Assert.IsTrue(rig.LastPublished("report", "stm32|").IndexOf("flame=0") > 0);
        }

        [TestMethod]
        public void Step_WaterGlitchShorterThanDebounce_NoAlarmReport()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(3000);

            rig.Water.Level = true;
            rig.Controller.Step();
            rig.Water.Level = false;
            rig.RunFor(2000);

            Assert.AreEqual(1, rig.CountPublished("report", "stm32|"));
            Assert.AreEqual(0, rig.CountPublished("report", "water=1"));
        }

        [TestMethod]
        public void Step_DhtFailing_ReportLeavesClimateOutAndDiagCountsIt()
        {
            NodeRig rig = new NodeRig();
            rig.Dht.Ok = false;
            rig.Dht.Error = "checksum mismatch";
            rig.Start();

            rig.RunFor(6000);

            string report = rig.LastPublished("report", "stm32|");
            Assert.IsTrue(report.Length > 0);
            Assert.AreEqual(-1, report.IndexOf("DHT11_T"));
            Assert.AreEqual(-1, report.IndexOf("DHT11_H"));
            string diag = rig.LastPublished("report", "diag|");
            Assert.IsTrue(diag.IndexOf("sensor_errors=") > 0, diag);
            Assert.AreEqual(-1, diag.IndexOf("sensor_errors=0;"));
            Assert.IsTrue(diag.IndexOf("sensor_last_error=checksum mismatch") > 0, diag);
        }

        [TestMethod]
        public void Step_Diag_ReportsBoardAndLinkFigures()
        {
            NodeRig rig = new NodeRig();
            rig.Start();

            rig.RunFor(5100);

            Assert.AreEqual("diag|-|uptime=5;reset_reason=power-on;free_memory=81920;link=wifi;reconnects=0;last_error=;buffered=0;dropped=0;firmware=1.2.3;sensor_errors=0;sensor_last_error=",
                rig.LastPublished("report", "diag|"));
        }

        [TestMethod]
        [DataRow(5000000000L, ";free_memory=2147483647;")]
        [DataRow(2147483648L, ";free_memory=2147483647;")]
        [DataRow(2147483647L, ";free_memory=2147483647;")]
        [DataRow(0L, ";free_memory=0;")]
        [DataRow(-1L, ";link=")]
        [DataRow(-9000000000L, ";link=")]
        public void Step_DiagFreeMemoryOutOfIntRange_ClampedOrLeftOut(long freeBytes, string expected)
        {
            NodeRig rig = new NodeRig();
            rig.System.FreeMemory = freeBytes;
            rig.Start();

            rig.RunFor(5100);

            string diag = rig.LastPublished("report", "diag|");
            Assert.IsTrue(diag.IndexOf("reset_reason=power-on" + expected) > 0, diag);
            Assert.IsTrue(diag.IndexOf("free_memory=-") < 0, diag);
        }

        [TestMethod]
        public void Step_Diag_ReadsTheSignalOnceAndReportsThatReading()
        {
            NodeRig rig = new NodeRig();
            FakeModemRecovery modem = new FakeModemRecovery("ec20", new ArrayList());
            modem.SignalReadings = new int[] { -71, 0 };
            rig.LinkInfo = modem;
            rig.Start();

            rig.RunFor(5100);

            string diag = rig.LastPublished("report", "diag|");
            Assert.IsTrue(diag.IndexOf("signal=-71;") > 0, diag);
            Assert.AreEqual(1, modem.SignalReads);
        }

        [TestMethod]
        public void Command_SetLed_AnsweredAppliedAndShownInNextReport()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(3000);

            rig.Link.Inject("cmd/r1", "SET_LED led=2 state=1");
            rig.RunFor(100);

            Assert.AreEqual("0|SET_LED_RSP|result=success;LED1=0;LED2=1;LED3=0", rig.LastPublished("cmd-rsp/r1", ""));
            Assert.IsTrue(rig.Led2.Level);
            Assert.IsFalse(rig.Led1.Level);
            Assert.IsTrue(rig.LastPublished("report", "stm32|").IndexOf("LED1=0;LED2=1;LED3=0") > 0);
        }

        [TestMethod]
        public void Command_RepeatedRequestId_AnsweredAgainWithoutReapplying()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(3000);
            rig.Link.Inject("cmd/r1", "SET_LED led=1 state=1");
            rig.RunFor(100);
            rig.Link.Inject("cmd/r2", "SET_LED led=1 state=0");
            rig.RunFor(100);

            rig.Link.Inject("cmd/r1", "SET_LED led=1 state=1");
            rig.RunFor(100);

            Assert.AreEqual(2, rig.CountPublished("cmd-rsp/r1", "0|SET_LED_RSP|result=success;LED1=1;LED2=0;LED3=0"));
            Assert.IsFalse(rig.Led1.Level);
        }

        [TestMethod]
        public void Command_ResponseWithinTwentySeconds()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(3000);
            long injectedAt = rig.Clock.UptimeMs;

            rig.Link.Inject("cmd/r9", "SET_LED LED1=1 LED2=1 LED3=1");
            rig.RunFor(100);

            int index = rig.Link.FindPublished("cmd-rsp/r9", 0);
            Assert.IsTrue(index >= 0);
            Assert.IsTrue(rig.Link.PublishedAt(index) - injectedAt < 20000);
            Assert.AreEqual("0|SET_LED_RSP|result=success;LED1=1;LED2=1;LED3=1", rig.Link.PublishedText(index));
        }

        [TestMethod]
        public void Command_SetLedPartial_ChangesOnlyNamedLeds()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(3000);
            rig.Link.Inject("cmd/r3", "SET_LED LED1=1 LED3=1");
            rig.RunFor(100);

            rig.Link.Inject("cmd/r4", "SET_LED LED3=0");
            rig.RunFor(100);

            Assert.IsTrue(rig.Led1.Level);
            Assert.IsFalse(rig.Led2.Level);
            Assert.IsFalse(rig.Led3.Level);
            Assert.AreEqual("0|SET_LED_RSP|result=success;LED1=1;LED2=0;LED3=0", rig.LastPublished("cmd-rsp/r4", ""));
        }

        [TestMethod]
        public void Command_SetInterval_ChangesReportPeriod()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(3000);

            rig.Link.Inject("cmd/i1", "SET_INTERVAL seconds=20");
            rig.RunFor(100);
            rig.RunFor(40000);

            Assert.AreEqual("0|SET_INTERVAL_RSP|result=success;seconds=20", rig.LastPublished("cmd-rsp/i1", ""));
            Assert.AreEqual(3, rig.CountPublished("report", "stm32|"));
        }

        [TestMethod]
        public void Command_ReportNow_ReportsAtOnce()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(3000);

            rig.Link.Inject("cmd/n1", "REPORT_NOW");
            rig.RunFor(100);

            Assert.AreEqual("0|REPORT_NOW_RSP|result=success", rig.LastPublished("cmd-rsp/n1", ""));
            Assert.AreEqual(2, rig.CountPublished("report", "stm32|"));
        }

        [TestMethod]
        [DataRow("SET_LED led=7 state=1", "1|SET_LED_RSP|result=led out of range")]
        [DataRow("SET_LED led=1 state=ON", "1|SET_LED_RSP|result=state has the wrong type")]
        [DataRow("SET_LED", "1|SET_LED_RSP|result=no parameter given")]
        [DataRow("SET_LED LED2=7", "1|SET_LED_RSP|result=LED2 out of range")]
        [DataRow("SET_LED led=1", "1|SET_LED_RSP|result='led' (1..3) and 'state' (0/1) go together")]
        [DataRow("SET_LED LED1=1 led=1 state=0", "1|SET_LED_RSP|result=LED1 is given twice")]
        [DataRow("SET_INTERVAL seconds=5", "1|SET_INTERVAL_RSP|result=seconds out of range")]
        [DataRow("SET_LED led", "1|SET_LED_RSP|result=bad parameter 'led'")]
        [DataRow("REBOOT now=true", "1||result=command REBOOT is not known")]
        public void Command_Invalid_AnsweredWithFailureAndNothingChanges(string command, string expected)
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(3000);

            rig.Link.Inject("cmd/bad", command);
            rig.RunFor(100);

            Assert.AreEqual(expected, rig.LastPublished("cmd-rsp/bad", ""));
            Assert.IsTrue(rig.Log.Contains(" refused: " + expected.Substring(expected.IndexOf("result=") + 7)), rig.Log.All());
            Assert.IsFalse(rig.Led1.Level);
            Assert.AreEqual(1, rig.CountPublished("report", "stm32|"));
        }

        [TestMethod]
        public void PropertiesSet_ReportPeriod_AnsweredAndApplied()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(3000);

            rig.Link.Inject("set/s1", "@stm32 report_period=10 LED3=1");
            rig.RunFor(100);
            rig.RunFor(30000);

            Assert.AreEqual("0|ok", rig.LastPublished("set-rsp/s1", ""));
            Assert.AreEqual(10, rig.Controller.Settings.ReportPeriodSeconds);
            Assert.AreEqual(60, rig.Config.ReportPeriodSeconds);
            Assert.IsTrue(rig.Led3.Level);
            // The initial report, the LED change, then one every 10 s.
            Assert.AreEqual(5, rig.CountPublished("report", "stm32|"));
        }

        [TestMethod]
        [DataRow("report_period=1 LED1=1", "1|report_period out of range")]
        [DataRow("LED1=1 colour=red", "1|colour is not known")]
        [DataRow("@other LED1=1", "1|service other is not writable")]
        [DataRow("gas_threshold=50.5 LED1=1", "1|gas_threshold is not an integer")]
        public void PropertiesSet_Invalid_NothingApplied(string set, string expected)
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(3000);

            rig.Link.Inject("set/s2", set);
            rig.RunFor(100);

            Assert.AreEqual(expected, rig.LastPublished("set-rsp/s2", ""));
            Assert.IsFalse(rig.Led1.Level);
            Assert.AreEqual(60, rig.Controller.Settings.ReportPeriodSeconds);
        }

        [TestMethod]
        public void PropertiesGet_AnsweredWithCurrentState()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(3000);

            rig.Link.Inject("get/g1", "");
            rig.RunFor(100);

            Assert.IsTrue(rig.LastPublished("get-rsp/g1", "").IndexOf("stm32|-|DHT11_T=21.5") == 0);
        }

        [TestMethod]
        public void MessageDown_Led_AppliedAndReported()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(3000);

            rig.Link.Inject("msg", "LED3=1");
            rig.RunFor(100);

            Assert.IsTrue(rig.Led3.Level);
            Assert.IsTrue(rig.LastPublished("report", "stm32|").IndexOf("LED3=1") > 0);
        }

        [TestMethod]
        public void Downlink_Garbage_CountedAndIgnored()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(3000);

            rig.Link.Inject("weird/topic", "\u0001\u0002garbage");
            rig.Link.Inject("msg", "nonsense");
            rig.RunFor(100);

            Assert.AreEqual(2, rig.Controller.DownlinkErrors);
            Assert.IsTrue(rig.Link.IsConnected);
            Assert.AreEqual(1, rig.CountPublished("report", "stm32|"));
        }

        [TestMethod]
        public void Counters_OnlineSession_MatchWhatWentOverTheLink()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(6000);

            rig.Link.Inject("cmd/r1", "SET_LED led=2 state=1");
            rig.Link.Inject("set/s1", "report_period_s=30");
            rig.Link.Inject("get/g1", "");
            rig.Link.Inject("cmd/r1", "SET_LED led=2 state=1");
            rig.Link.Inject("weird/topic", "garbage");
            rig.RunFor(65000);

            NodeController node = rig.Controller;
            Assert.AreEqual(rig.CountPublished("report", "stm32|"), node.ReportsPublished);
            Assert.IsTrue(node.ReportsPublished >= 3);
            Assert.AreEqual(1, node.DiagReportsPublished);
            Assert.AreEqual(4, node.CommandsHandled);
            // The garbage, and the property set naming a property the model does not have (refused and answered).
            Assert.AreEqual(2, node.DownlinkErrors);
            Assert.AreEqual(0, node.PublishFailures);
            Assert.AreEqual(2, node.Errors);
            Assert.AreEqual(0, node.Reconnects);
            Assert.AreEqual(0, node.BufferedReports);
            Assert.AreEqual(0, node.DroppedReports);
        }

        [TestMethod]
        public void Counters_OutageAndPublishFailure_CountBufferDropsReconnectsAndErrors()
        {
            NodeRig rig = new NodeRig();
            rig.Config.OfflineBufferCapacity = 3;
            rig.Config.ReportPeriodSeconds = 10;
            rig.Start();
            rig.RunFor(3000);
            Assert.AreEqual(1, rig.Controller.ReportsPublished);

            rig.Link.PublishResult = LinkResult.Failed;
            rig.RunFor(3000);
            rig.Link.PublishResult = LinkResult.Ok;
            rig.Link.ConnectResult = LinkResult.Refused;
            rig.RunFor(60000);

            NodeController node = rig.Controller;
            Assert.AreEqual(1, node.PublishFailures);
            Assert.AreEqual(1, node.Reconnects);
            Assert.AreEqual(3, node.BufferedReports);
            Assert.AreEqual(node.Buffer.DroppedCount, node.DroppedReports);
            Assert.IsTrue(node.DroppedReports >= 3, node.DroppedReports.ToString());
            Assert.AreEqual(node.Links.FailedAttempts + 1, node.Errors);
            Assert.IsTrue(node.Links.FailedAttempts >= 3);
            Assert.AreEqual(1, node.ReportsPublished);
        }

        [TestMethod]
        public void Offline_ReportsBufferedThenReplayedInOrderWithOriginalTimeAtBoundedRate()
        {
            NodeRig rig = new NodeRig();
            rig.Clock.SetUtc(new DateTime(2026, 11, 25, 10, 0, 0));
            rig.Link.ConnectResult = LinkResult.Refused;
            rig.Start();
            rig.RunFor(130000);
            Assert.AreEqual(0, rig.Link.PublishCount);
            // Reports at 2 s, 62 s and 122 s, and the diag at 5 s.
            Assert.AreEqual(4, rig.Controller.Buffer.Count);

            rig.Link.ConnectResult = LinkResult.Ok;
            rig.RunFor(400000);

            int first = rig.Link.FindPublished("report", 0);
            Assert.AreEqual(0, rig.Link.PublishedText(first).IndexOf("stm32|20261125T100002Z|"));
            Assert.AreEqual(0, rig.Link.PublishedText(first + 1).IndexOf("diag|20261125T100005Z|"));
            Assert.AreEqual(0, rig.Link.PublishedText(first + 2).IndexOf("stm32|20261125T100102Z|"));
            Assert.AreEqual(0, rig.Link.PublishedText(first + 3).IndexOf("stm32|20261125T100202Z|"));
            for (int i = first + 1; i <= first + 3; i++)
            {
                Assert.IsTrue(rig.Link.PublishedAt(i) - rig.Link.PublishedAt(i - 1) >= rig.Config.ReplayIntervalMs);
            }

            Assert.AreEqual(0, rig.Controller.Buffer.Count);
        }

        [TestMethod]
        public void Online_AlarmEdgeDuringReplay_SentAtOnceAndBacklogKeepsItsOrder()
        {
            NodeRig rig = new NodeRig();
            rig.Clock.SetUtc(new DateTime(2026, 11, 25, 10, 0, 0));
            rig.Config.ReplayIntervalMs = 10000;
            rig.Link.ConnectResult = LinkResult.Refused;
            rig.Start();
            rig.RunFor(130000);
            Assert.AreEqual(4, rig.Controller.Buffer.Count);

            rig.Link.ConnectResult = LinkResult.Ok;
            for (int i = 0; i < 2000 && rig.Link.FindPublished("report", 0) < 0; i++)
            {
                rig.RunFor(NodeRig.StepMs);
            }

            long edgeMs = rig.Clock.UptimeMs;
            rig.Flame.Level = false;
            rig.RunFor(300);
            int alarm = rig.Link.FindPublished("report", rig.Link.FindPublished("report", 0) + 1);
            Assert.IsTrue(alarm > 0);
            Assert.IsTrue(rig.Link.PublishedText(alarm).IndexOf("flame=1") > 0, rig.Link.PublishedText(alarm));
            Assert.IsTrue(rig.Link.PublishedAt(alarm) - edgeMs <= 300);
            Assert.IsTrue(rig.Controller.Buffer.Count >= 3, "the backlog is still waiting");

            rig.RunFor(60000);
            Assert.AreEqual(0, rig.Controller.Buffer.Count);
            int first = rig.Link.FindPublished("report", 0);
            Assert.AreEqual(0, rig.Link.PublishedText(first).IndexOf("stm32|20261125T100002Z|"));
            Assert.AreEqual(0, rig.Link.PublishedText(alarm + 1).IndexOf("diag|20261125T100005Z|"));
            Assert.AreEqual(0, rig.Link.PublishedText(alarm + 2).IndexOf("stm32|20261125T100102Z|"));
            Assert.AreEqual(0, rig.Link.PublishedText(alarm + 3).IndexOf("stm32|20261125T100202Z|"));
        }

        [TestMethod]
        public void Offline_AlarmEdge_BufferedBehindBacklog()
        {
            NodeRig rig = new NodeRig();
            rig.Link.ConnectResult = LinkResult.Refused;
            rig.Start();
            rig.RunFor(3000);
            Assert.AreEqual(1, rig.Controller.Buffer.Count);

            rig.Flame.Level = false;
            rig.RunFor(300);

            Assert.AreEqual(0, rig.Link.PublishCount);
            Assert.AreEqual(2, rig.Controller.Buffer.Count);
            Assert.AreEqual(2000L, rig.Controller.Buffer.Peek().CreatedUptimeMs);
        }

        [TestMethod]
        public void Offline_BufferFull_DropsOldestAndCounts()
        {
            NodeRig rig = new NodeRig();
            rig.Clock.SetUtc(new DateTime(2026, 11, 25, 10, 0, 0));
            rig.Config.OfflineBufferCapacity = 3;
            rig.Config.ReportPeriodSeconds = 10;
            rig.Link.ConnectResult = LinkResult.Refused;
            rig.Start();

            rig.RunFor(60000);

            Assert.AreEqual(3, rig.Controller.Buffer.Count);
            Assert.IsTrue(rig.Controller.Buffer.DroppedCount >= 4);
            Assert.IsTrue(rig.Controller.Buffer.Peek().EventTimeUtc > new DateTime(2026, 11, 25, 10, 0, 30));
        }

        [TestMethod]
        public void Offline_ReportMadeBeforeClockSet_GetsEventTimeFromItsAge()
        {
            NodeRig rig = new NodeRig();
            rig.Link.ConnectResult = LinkResult.Refused;
            rig.Start();
            rig.RunFor(3000);
            Assert.AreEqual(1, rig.Controller.Buffer.Count);

            // The clock is set 10 s after the report was made at uptime 2.0 s.
            rig.RunFor(9000);
            rig.Clock.SetUtc(new DateTime(2026, 11, 25, 12, 0, 10));
            rig.Link.ConnectResult = LinkResult.Ok;
            rig.RunFor(20000);

            Assert.AreEqual(0, rig.Link.PublishedText(rig.Link.FindPublished("report", 0)).IndexOf("stm32|20261125T120000Z|"));
        }

        [TestMethod]
        public void Offline_BacklogWithoutClock_WaitsForTimeSyncAndGetsItsOriginalTime()
        {
            NodeRig rig = new NodeRig();
            rig.Link.ConnectResult = LinkResult.Refused;
            rig.Start();
            rig.RunFor(3000);
            Assert.AreEqual(1, rig.Controller.Buffer.Count);

            rig.Link.ConnectResult = LinkResult.Ok;
            for (int i = 0; i < 400 && rig.Link.FindPublished("time-req", 0) < 0; i++)
            {
                rig.RunFor(NodeRig.StepMs);
            }

            long deviceSend = long.Parse(rig.Link.PublishedText(rig.Link.FindPublished("time-req", 0)));
            rig.RunFor(1000);

            // Server clock 2026-11-25 08:00:00 UTC: the report, made seconds before, must carry a time shortly before it.
            rig.Link.Inject("time", deviceSend.ToString() + " 1795593600000 1795593600000");
            rig.RunFor(3000);

            string report = rig.Link.PublishedText(rig.Link.FindPublished("report", 0));
            Assert.AreEqual(0, report.IndexOf("stm32|20261125T075"), report);
        }

        [TestMethod]
        public void Offline_BacklogWithoutClockAndNoTimeSyncAnswer_SentWithoutTimeAfterAWhile()
        {
            NodeRig rig = new NodeRig();
            rig.Link.ConnectResult = LinkResult.Refused;
            rig.Start();
            rig.RunFor(3000);

            rig.Link.ConnectResult = LinkResult.Ok;
            rig.RunFor(15000);

            string report = rig.Link.PublishedText(rig.Link.FindPublished("report", 0));
            Assert.AreEqual(0, report.IndexOf("stm32|-|"), report);
            Assert.AreEqual(0, rig.Controller.Buffer.Count);
        }

        [TestMethod]
        public void Online_PublishFails_ReportKeptAndSentAfterReconnect()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(1000);
            rig.Link.PublishResult = LinkResult.Failed;

            rig.RunFor(2000);
            Assert.AreEqual(1, rig.Controller.Buffer.Count);
            Assert.IsFalse(rig.Controller.Links.IsOnline);

            // Made in the lost session and the clock is not set: it waits a moment for a time sync answer.
            rig.Link.PublishResult = LinkResult.Ok;
            rig.RunFor(3000 + ClockKeeper.ClockWaitMs);
            Assert.AreEqual(1, rig.CountPublished("report", "stm32|"));
            Assert.AreEqual(1, rig.Controller.Links.ReconnectCount);
        }

        [TestMethod]
        public void Online_LinkLost_ReconnectsAndResubscribes()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(3000);

            rig.Link.Drop("keep-alive timeout");
            rig.RunFor(3000);

            Assert.AreEqual(2, rig.Link.ConnectCalls);
            Assert.AreEqual(5, rig.Link.Subscriptions.Count);
            Assert.AreEqual(1, rig.Controller.Links.ReconnectCount);
            Assert.IsTrue(rig.Controller.Links.LastError.IndexOf("keep-alive timeout") > 0);
        }

        [TestMethod]
        public void TimeSync_Answer_SetsClock()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(200);
            int index = rig.Link.FindPublished("time-req", 0);
            Assert.IsTrue(index >= 0);
            long deviceSend = long.Parse(rig.Link.PublishedText(index));

            // Server clock: 2026-11-25 08:00:00.000 UTC = 1795593600000 ms; it answers 10 ms after receiving.
            rig.Link.Inject("time", deviceSend.ToString() + " 1795593600000 1795593600010");
            rig.RunFor(50);

            Assert.IsTrue(rig.Clock.IsUtcValid);
            TimeSpan error = rig.Clock.UtcNow - new DateTime(2026, 11, 25, 8, 0, 0);
            Assert.IsTrue(error.Ticks >= 0 && error.Ticks < TimeSpan.TicksPerSecond, error.ToString());
        }

        [TestMethod]
        public void Online_ModemKnowsNetworkTime_ClockSetBeforeTimeSync()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            FakeMqttLink ec20 = new FakeMqttLink("ec20");
            FakeModemRecovery modem = new FakeModemRecovery("ec20", new System.Collections.ArrayList());
            modem.NetworkTime = new DateTime(2026, 11, 25, 9, 30, 0);
            rig.Link.ConnectResult = LinkResult.Refused;
            rig.Controller.AddLink(new Transport(ec20, modem, modem, 0));

            rig.RunFor(30000);

            Assert.AreEqual("ec20", rig.Controller.Links.CurrentKind);
            Assert.IsTrue(rig.Clock.IsUtcValid);
            Assert.IsTrue(rig.Clock.UtcNow > new DateTime(2026, 11, 25, 9, 30, 0));
            Assert.IsTrue(rig.Clock.UtcNow < new DateTime(2026, 11, 25, 9, 31, 0));
        }

        [TestMethod]
        [DataRow(1L)]
        [DataRow(1546300800000L)]
        [DataRow(4102444800000L)]
        [DataRow(999999999999999L)]
        public void TimeSync_ImplausibleServerTime_IgnoredWithoutThrowing(long serverMs)
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(200);
            int index = rig.Link.FindPublished("time-req", 0);
            long deviceSend = long.Parse(rig.Link.PublishedText(index));

            rig.Link.Inject("time", deviceSend.ToString() + " " + serverMs.ToString() + " " + serverMs.ToString());
            rig.RunFor(50);

            Assert.IsFalse(rig.Clock.IsUtcValid);
            Assert.AreEqual(1, rig.Controller.DownlinkErrors);
        }

        [TestMethod]
        public void TimeSync_AnswerToAnotherRequest_Ignored()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunFor(200);

            rig.Link.Inject("time", "42 1795593600000 1795593600010");
            rig.RunFor(50);

            Assert.IsFalse(rig.Clock.IsUtcValid);
            Assert.AreEqual(1, rig.Controller.DownlinkErrors);
        }
    }
}
