#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Node;

namespace StmNode.Tests.Node
{
    [TestClass]
    public class NodeReportTests
    {
        [TestMethod]
        public void TypedAccessors_EachKind_ReturnWhatWasAdded()
        {
            NodeReport report = new NodeReport("diag", 0);
            report.AddInt("i", -2147483647);
            report.AddDouble("d", 3.75);
            report.AddBool("b", true);
            report.AddString("s", null);

            Assert.AreEqual(4, report.Count);
            Assert.AreEqual(NodeReport.KindInt, report.KindAt(0));
            Assert.AreEqual(-2147483647, report.IntAt(0));
            Assert.AreEqual(NodeReport.KindDouble, report.KindAt(1));
            Assert.IsTrue(report.DoubleAt(1) == 3.75);
            Assert.AreEqual(NodeReport.KindBool, report.KindAt(2));
            Assert.IsTrue(report.BoolAt(2));
            Assert.AreEqual(NodeReport.KindString, report.KindAt(3));
            Assert.AreEqual("", report.StringAt(3));
            Assert.IsNull(report.StringAt(0));
        }

        [TestMethod]
        public void ValueAtAndFind_EachKind_BoxedAsAdded()
        {
            NodeReport report = new NodeReport("diag", 0);
            report.AddInt("i", 7);
            report.AddBool("b", false);
            report.AddString("s", "wifi");

            Assert.AreEqual(7, (int)report.ValueAt(0));
            Assert.IsFalse((bool)report.Find("b"));
            Assert.AreEqual("wifi", (string)report.Find("s"));
            Assert.IsNull(report.Find("missing"));
        }

        [TestMethod]
        public void Add_BeyondInitialCapacity_KeepsEveryValueInOrder()
        {
            NodeReport report = new NodeReport("stm32", 0);
            for (int i = 0; i < 40; i++)
            {
                if (i % 2 == 0)
                {
                    report.AddInt("n" + i.ToString(), i);
                }
                else
                {
                    report.AddString("n" + i.ToString(), "v" + i.ToString());
                }
            }

            Assert.AreEqual(40, report.Count);
            for (int i = 0; i < 40; i++)
            {
                Assert.AreEqual("n" + i.ToString(), report.NameAt(i));
                if (i % 2 == 0)
                {
                    Assert.AreEqual(i, report.IntAt(i));
                }
                else
                {
                    Assert.AreEqual("v" + i.ToString(), report.StringAt(i));
                }
            }
        }
    }
}
