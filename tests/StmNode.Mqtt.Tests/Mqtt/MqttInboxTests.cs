#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Mqtt;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Mqtt
{
    [TestClass]
    public class MqttInboxTests
    {
        [TestMethod]
        public void TryTake_TwoMessages_OldestFirstAsCopies()
        {
            MqttInbox inbox = new MqttInbox(4, new RecordingLog(), "test");
            byte[] buffer = new byte[] { 1, 2, 3, 4 };
            inbox.Add("a", buffer, 1, 2);
            buffer[1] = 9;
            inbox.Add("b", buffer, 0, 0);
            string topic;
            byte[] payload;

            Assert.IsTrue(inbox.TryTake(out topic, out payload));
            Assert.AreEqual("a", topic);
            Assert.AreEqual("02 03", HexBytes.Format(payload, 0, payload.Length));
            Assert.IsTrue(inbox.TryTake(out topic, out payload));
            Assert.AreEqual("b", topic);
            Assert.AreEqual(0, payload.Length);
            Assert.IsFalse(inbox.TryTake(out topic, out payload));
            Assert.IsNull(topic);
            Assert.AreEqual(0, inbox.Dropped);
        }

        [TestMethod]
        public void Add_WhenFull_DropsTheOldestCountedAndLogged()
        {
            RecordingLog log = new RecordingLog();
            MqttInbox inbox = new MqttInbox(2, log, "test");
            byte[] one = new byte[] { 1 };
            inbox.Add("t/1", one, 0, 1);
            inbox.Add("t/2", one, 0, 1);
            Assert.IsTrue(inbox.IsFull);

            inbox.Add("t/3", one, 0, 1);

            string topic;
            byte[] payload;
            Assert.AreEqual(2, inbox.Count);
            Assert.AreEqual(1, inbox.Dropped);
            Assert.IsTrue(log.Contains("WARN test: receive queue full (2): dropped the oldest message, on 't/1'"), log.All());
            Assert.IsTrue(inbox.TryTake(out topic, out payload));
            Assert.AreEqual("t/2", topic);
        }

        [TestMethod]
        public void Refuse_CountedAndLoggedNothingQueued()
        {
            RecordingLog log = new RecordingLog();
            MqttInbox inbox = new MqttInbox(1, log, "test");

            inbox.Refuse("t");

            Assert.AreEqual(0, inbox.Count);
            Assert.AreEqual(1, inbox.Dropped);
            Assert.IsTrue(log.Contains("message on 't' not taken"), log.All());
        }

        [TestMethod]
        public void Capacity_BelowOne_HoldsOne()
        {
            MqttInbox inbox = new MqttInbox(0, new RecordingLog(), "test");

            inbox.Add("a", new byte[1], 0, 1);

            Assert.AreEqual(1, inbox.Capacity);
            Assert.IsTrue(inbox.IsFull);
        }
    }
}
