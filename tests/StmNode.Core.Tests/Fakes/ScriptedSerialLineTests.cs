#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace StmNode.Tests.Fakes
{
    /// <summary>Pins the behaviour other tests rely on: chunks, virtual-time waits, replies, close.</summary>
    [TestClass]
    public class ScriptedSerialLineTests
    {
        [TestMethod]
        public void Read_NothingQueued_AdvancesClockByTimeoutAndReturnsZero()
        {
            ManualClock clock = new ManualClock();
            ScriptedSerialLine line = new ScriptedSerialLine(clock);

            int n = line.Read(new byte[4], 0, 4, 750);

            Assert.AreEqual(0, n);
            Assert.AreEqual(750L, clock.UptimeMs);
        }

        [TestMethod]
        public void Read_NeverCrossesAChunkAndHonoursCountAndMaxReadSize()
        {
            ScriptedSerialLine line = new ScriptedSerialLine(new ManualClock());
            line.Enqueue(HexBytes.Parse("01 02 03"));
            line.EnqueueChunked(HexBytes.Parse("04 05 06 07 08"), 2);
            byte[] buffer = new byte[8];

            Assert.AreEqual(2, line.Read(buffer, 0, 2, 0));
            Assert.AreEqual(1, line.Read(buffer, 2, 8 - 2, 0));
            Assert.AreEqual(2, line.Read(buffer, 3, 5, 0));
            line.MaxReadSize = 1;
            Assert.AreEqual(1, line.Read(buffer, 5, 3, 0));
            Assert.AreEqual(2, line.PendingCount);
            line.MaxReadSize = 0;
            Assert.AreEqual(1, line.Read(buffer, 6, 2, 0));
            Assert.AreEqual(1, line.Read(buffer, 7, 1, 0));
            Assert.AreEqual("01 02 03 04 05 06 07 08", HexBytes.Format(buffer));
            Assert.AreEqual(0, line.PendingCount);
        }

        [TestMethod]
        public void Write_RecordsBytesAndText()
        {
            ScriptedSerialLine line = new ScriptedSerialLine(new ManualClock());

            line.Write(HexBytes.Utf8("xAT\r"), 1, 3);
            line.Write(HexBytes.Utf8("OK"), 0, 2);

            Assert.AreEqual("AT\rOK", line.WrittenText());
            Assert.AreEqual("41 54 0D 4F 4B", line.WrittenHex());
            Assert.AreEqual(2, line.WriteCount);
            line.ClearWritten();
            Assert.AreEqual("", line.WrittenHex());
        }

        [TestMethod]
        public void AddReply_TriggerSpanningWrites_QueuesReplyOnceOrRepeatedly()
        {
            ScriptedSerialLine line = new ScriptedSerialLine(new ManualClock());
            line.AddTextReply("AT\r", "\r\nOK\r\n", true);
            line.AddTextReply("ATI\r", "Quectel\r\n", false);

            line.Write(HexBytes.Utf8("A"), 0, 1);
            line.Write(HexBytes.Utf8("T\rATI\rATI\r"), 0, 10);

            byte[] buffer = new byte[32];
            int n = line.Read(buffer, 0, 32, 0);
            Assert.AreEqual("\r\nOK\r\n", new string(System.Text.Encoding.UTF8.GetChars(buffer, 0, n)));
            n = line.Read(buffer, 0, 32, 0);
            Assert.AreEqual("Quectel\r\n", new string(System.Text.Encoding.UTF8.GetChars(buffer, 0, n)));
            Assert.AreEqual(0, line.PendingCount);
            line.Write(HexBytes.Utf8("AT\r"), 0, 3);
            Assert.AreEqual(6, line.PendingCount);
        }

        [TestMethod]
        public void Close_QueuedBytesStillReadThenMinusOneAndWritesFail()
        {
            ManualClock clock = new ManualClock();
            ScriptedSerialLine line = new ScriptedSerialLine(clock);
            line.Enqueue(HexBytes.Parse("01"));

            line.Close();

            byte[] buffer = new byte[4];
            Assert.AreEqual(1, line.Read(buffer, 0, 4, 100));
            Assert.AreEqual(-1, line.Read(buffer, 0, 4, 100));
            Assert.AreEqual(0L, clock.UptimeMs);
            Assert.IsFalse(line.Write(buffer, 0, 1));
        }

        [TestMethod]
        public void FailWrites_MakesWritesFailWithoutRecording()
        {
            ScriptedSerialLine line = new ScriptedSerialLine(new ManualClock());
            line.FailWrites = true;

            Assert.IsFalse(line.Write(new byte[2], 0, 2));
            Assert.AreEqual("", line.WrittenHex());
        }

        [TestMethod]
        public void FailWritesFromCount_LetsThatManyWritesThroughThenFails()
        {
            ScriptedSerialLine line = new ScriptedSerialLine(new ManualClock());
            line.FailWritesFromCount = 1;

            Assert.IsTrue(line.Write(new byte[] { 0x01 }, 0, 1));
            Assert.IsFalse(line.Write(new byte[] { 0x02 }, 0, 1));
            Assert.AreEqual("01", line.WrittenHex());
        }

        [TestMethod]
        public void Connector_HandsOutQueuedLinesThenFails()
        {
            ScriptedStreamConnector connector = new ScriptedStreamConnector();
            ScriptedSerialLine line = new ScriptedSerialLine(new ManualClock());
            connector.Add(line);

            Assert.AreSame(line, connector.Open("h", 1, true, 5));
            Assert.AreEqual("h", connector.LastHost);
            Assert.IsTrue(connector.LastUseTls);
            Assert.IsNull(connector.Open("h", 1, false, 5));
            Assert.IsNotNull(connector.LastError);
            connector.Add(new ScriptedSerialLine(new ManualClock()));
            connector.FailNextOpen("refused");
            Assert.IsNull(connector.Open("h", 1, false, 5));
            Assert.AreEqual("refused", connector.LastError);
            Assert.IsNotNull(connector.Open("h", 1, false, 5));
            connector.Close(line);
            Assert.AreEqual(1, connector.CloseCount);
            Assert.IsFalse(line.Write(new byte[1], 0, 1));
        }
    }
}
