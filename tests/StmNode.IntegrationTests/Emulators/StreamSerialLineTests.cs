#nullable enable
using System.Diagnostics;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Adapters;
using StmNode.Host.Emulators;

namespace StmNode.IntegrationTests.Emulators
{
    [TestClass]
    public class StreamSerialLineTests
    {
        [TestMethod]
        public void Read_NothingArrives_ReturnsZeroAfterTheTimeout()
        {
            using var pipe = new DuplexPipe();
            using var line = new StreamSerialLine(pipe.DeviceEnd);
            var watch = Stopwatch.StartNew();
            Assert.AreEqual(0, line.Read(new byte[8], 0, 8, 100));
            Assert.IsTrue(watch.ElapsedMilliseconds >= 90 && watch.ElapsedMilliseconds < 1000);
        }

        [TestMethod]
        public void Read_DataThenClose_ReturnsDataThenMinusOne()
        {
            using var pipe = new DuplexPipe();
            using var line = new StreamSerialLine(pipe.DeviceEnd);
            pipe.ModemEnd.Write(new byte[] { 1, 2, 3 }, 0, 3);
            pipe.ModemEnd.Dispose();
            var buffer = new byte[8];
            Assert.AreEqual(3, line.Read(buffer, 0, 8, 1000));
            CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, buffer[..3]);
            Assert.AreEqual(-1, line.Read(buffer, 0, 8, 1000));
        }

        [TestMethod]
        public void Write_GoesThrough_AndFailsOnceClosed()
        {
            using var pipe = new DuplexPipe();
            var line = new StreamSerialLine(pipe.DeviceEnd);
            Assert.IsTrue(line.Write(new byte[] { 65, 66 }, 0, 2));
            var buffer = new byte[2];
            Assert.AreEqual(2, pipe.ModemEnd.Read(buffer, 0, 2));
            line.Dispose();
            Assert.IsFalse(line.Write(new byte[] { 67 }, 0, 1));
            Assert.AreEqual(-1, line.Read(buffer, 0, 2, 10));
        }

        [TestMethod]
        public void BadArguments_AreReturnValuesNotExceptions()
        {
            using var pipe = new DuplexPipe();
            using var line = new StreamSerialLine(pipe.DeviceEnd);
            Assert.AreEqual(-1, line.Read(new byte[4], 2, 4, 10));
            Assert.IsFalse(line.Write(new byte[4], 3, 2));
            Assert.AreEqual(0, line.Read(new byte[4], 0, 0, 10));
        }
    }
}
