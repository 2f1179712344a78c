#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Collections;
using System.Text;
using StmNode.Cloud;
using StmNode.Json;

namespace StmNode.Tests.Cloud
{
    [TestClass]
    public class ParameterCheckerTests
    {
        private static ParameterSpec[] Specs()
        {
            ParameterSpec name = new ParameterSpec("name", ParameterType.String, 0, 0, false);
            name.MaxLength = 4;
            return new ParameterSpec[]
            {
                new ParameterSpec("ratio", ParameterType.Double, -1.5, 1.5, false),
                ParameterSpec.Bool("enabled", false),
                name,
                ParameterSpec.Int("count", -3, 3, true)
            };
        }

        private static Downlink Check(string json)
        {
            byte[] data = Encoding.UTF8.GetBytes(json);
            Hashtable values = (Hashtable)JsonTree.Parse(new JsonReader(), data, 0, data.Length);
            Downlink downlink = new Downlink();
            ParameterChecker.Check(values, Specs(), downlink);
            return downlink;
        }

        [TestMethod]
        public void Check_AllTypesValid_DeliversCheckedValues()
        {
            Downlink downlink = Check("{\"ratio\":-1.25,\"enabled\":true,\"name\":\"abcd\",\"count\":-3}");

            Assert.IsTrue(downlink.IsOk);
            Assert.AreEqual(-1.25, downlink.GetDouble("ratio", 0));
            Assert.IsTrue(downlink.GetBool("enabled", false));
            Assert.AreEqual("abcd", downlink.GetString("name"));
            Assert.AreEqual(-3L, downlink.GetLong("count", 0));
        }

        [TestMethod]
        public void Check_IntegerForDouble_IsDeliveredAsDouble()
        {
            Downlink downlink = Check("{\"ratio\":1,\"count\":0}");

            Assert.IsTrue(downlink.IsOk);
            Assert.IsInstanceOfType(downlink.Parameters["ratio"], typeof(double));
            Assert.AreEqual(1.0, downlink.GetDouble("ratio", 0));
        }

        [TestMethod]
        public void Getters_MissingOrOtherType_GiveFallback()
        {
            Downlink downlink = Check("{\"count\":2}");

            Assert.AreEqual(7L, downlink.GetLong("ratio", 7));
            Assert.AreEqual(2.0, downlink.GetDouble("count", 0));
            Assert.AreEqual(0.5, downlink.GetDouble("ratio", 0.5));
            Assert.IsTrue(downlink.GetBool("count", true));
            Assert.IsNull(downlink.GetString("count"));
        }

        [TestMethod]
        [DataRow("{\"ratio\":1.6,\"count\":0}", 4, "ratio out of range")]
        [DataRow("{\"ratio\":\"1\",\"count\":0}", 3, "ratio has the wrong type")]
        [DataRow("{\"enabled\":1,\"count\":0}", 3, "enabled has the wrong type")]
        [DataRow("{\"name\":\"abcde\",\"count\":0}", 4, "name is too long")]
        [DataRow("{\"name\":5,\"count\":0}", 3, "name has the wrong type")]
        [DataRow("{\"count\":4}", 4, "count out of range")]
        [DataRow("{\"count\":2.5}", 3, "count is not an integer")]
        [DataRow("{\"ratio\":1}", 2, "count missing")]
        [DataRow("{\"count\":1,\"extra\":1}", 6, "extra is not known")]
        public void Check_BadValue_GivesFirstErrorWithDetail(string json, int error, string detail)
        {
            Downlink downlink = Check(json);

            Assert.AreEqual(error, (int)downlink.Error);
            Assert.AreEqual(detail, downlink.ErrorDetail);
            Assert.IsFalse(downlink.IsOk);
        }

        [TestMethod]
        public void Fail_Twice_KeepsFirst()
        {
            Downlink downlink = new Downlink();

            downlink.Fail(DownlinkError.BadFieldType, "first");
            downlink.Fail(DownlinkError.UnknownField, "second");

            Assert.AreEqual((int)DownlinkError.BadFieldType, (int)downlink.Error);
            Assert.AreEqual("first", downlink.ErrorDetail);
        }
    }
}
