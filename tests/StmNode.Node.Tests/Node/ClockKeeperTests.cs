#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using System.Text;
using StmNode.Cloud;
using StmNode.Node;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Node
{
    [TestClass]
    public class ClockKeeperTests
    {
        [TestMethod]
        public void SessionStarted_ClockNotSet_AsksAtOnceThenRetriesAfterAMinute()
        {
            ManualClock clock = new ManualClock();
            ClockKeeper keeper = Keeper(clock, new FakeCloud());

            keeper.SessionStarted(null, "wifi");

            Assert.IsTrue(keeper.IsRequestDue);
            CloudMessage request = keeper.TakeRequest();
            Assert.AreEqual("time-req", request.Topic);
            Assert.IsFalse(keeper.IsRequestDue);
            clock.Advance(ClockKeeper.RetryMs);
            Assert.IsTrue(keeper.IsRequestDue);
        }

        [TestMethod]
        public void SessionStarted_ModemKnowsNetworkTime_ClockSetAndNextSyncInAPeriod()
        {
            ManualClock clock = new ManualClock();
            ClockKeeper keeper = Keeper(clock, new FakeCloud());
            FakeModemRecovery modem = new FakeModemRecovery("ec20", new System.Collections.ArrayList());
            modem.NetworkTime = new DateTime(2026, 11, 25, 9, 30, 0);

            keeper.SessionStarted(modem, "ec20");

            Assert.IsTrue(clock.IsUtcValid);
            Assert.IsFalse(keeper.IsRequestDue);
            clock.Advance(ClockKeeper.TimeSyncPeriodMs);
            Assert.IsTrue(keeper.IsRequestDue);
        }

        [TestMethod]
        public void Apply_AnswerToTheRequest_SetsClockOnce()
        {
            ManualClock clock = new ManualClock();
            FakeCloud cloud = new FakeCloud();
            ClockKeeper keeper = Keeper(clock, cloud);
            keeper.SessionStarted(null, "wifi");
            byte[] request = keeper.TakeRequest().Payload;
            string deviceSend = Encoding.UTF8.GetString(request, 0, request.Length);
            Downlink answer = Answer(cloud, deviceSend + " 1795593600000 1795593600000");

            Assert.IsTrue(keeper.Apply(answer));
            Assert.IsTrue(clock.IsUtcValid);
            Assert.AreEqual(new DateTime(2026, 11, 25, 8, 0, 0).Ticks, clock.UtcNow.Ticks);
            Assert.IsFalse(keeper.Apply(answer));
        }

        [TestMethod]
        public void Apply_NoRequestWaiting_Refused()
        {
            ManualClock clock = new ManualClock();
            FakeCloud cloud = new FakeCloud();
            ClockKeeper keeper = Keeper(clock, cloud);

            Assert.IsFalse(keeper.Apply(Answer(cloud, "42 1795593600000 1795593600000")));
            Assert.IsFalse(clock.IsUtcValid);
        }

        [TestMethod]
        public void IsRequestDue_CloudWithoutTimeSync_Never()
        {
            AliyunSettings settings = new AliyunSettings();
            settings.ProductKey = "pk1";
            settings.DeviceName = "dn1";
            ClockKeeper keeper = Keeper(new ManualClock(), new AliyunProfile(settings, Stm32Service.CreateDeviceModel()));

            keeper.SessionStarted(null, "wifi");

            Assert.IsFalse(keeper.IsRequestDue);
        }

        private static ClockKeeper Keeper(ManualClock clock, ICloudProfile profile)
        {
            return new ClockKeeper(clock, new RecordingLog(), new CloudUplink(profile));
        }

        private static Downlink Answer(FakeCloud cloud, string text)
        {
            byte[] payload = Encoding.UTF8.GetBytes(text);
            return cloud.Decode("time", payload, 0, payload.Length);
        }
    }
}
