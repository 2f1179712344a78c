#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Node;

namespace StmNode.Tests.Node
{
    [TestClass]
    public class ReportBufferTests
    {
        [TestMethod]
        public void Add_BeyondCapacity_DropsOldestAndCounts()
        {
            ReportBuffer buffer = new ReportBuffer(2);

            buffer.Add(new NodeReport("a", 1));
            buffer.Add(new NodeReport("b", 2));
            buffer.Add(new NodeReport("c", 3));

            Assert.AreEqual(2, buffer.Count);
            Assert.AreEqual(1, buffer.DroppedCount);
            Assert.AreEqual("b", buffer.Peek().ServiceId);
            buffer.RemoveFirst();
            Assert.AreEqual("c", buffer.Peek().ServiceId);
        }

        [TestMethod]
        public void Capacity_Lowered_DropsOldest()
        {
            ReportBuffer buffer = new ReportBuffer(5);
            for (int i = 0; i < 5; i++)
            {
                buffer.Add(new NodeReport("r" + i.ToString(), i));
            }

            buffer.Capacity = 2;

            Assert.AreEqual(2, buffer.Count);
            Assert.AreEqual(3, buffer.DroppedCount);
            Assert.AreEqual("r3", buffer.Peek().ServiceId);
        }

        [TestMethod]
        public void Peek_Empty_ReturnsNull()
        {
            ReportBuffer buffer = new ReportBuffer(2);

            buffer.RemoveFirst();

            Assert.IsNull(buffer.Peek());
            Assert.AreEqual(0, buffer.Count);
        }
    }
}
