#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Collections;
using System.Text;
using StmNode.Json;

namespace StmNode.Tests.Json
{
    [TestClass]
    public class JsonTreeTests
    {
        private static object Parse(string json, JsonReader reader)
        {
            byte[] data = Encoding.UTF8.GetBytes(json);
            return JsonTree.Parse(reader, data, 0, data.Length);
        }

        [TestMethod]
        public void Parse_Object_GivesTypedValues()
        {
            JsonReader reader = new JsonReader();

            Hashtable root = (Hashtable)Parse("{\"i\":1,\"d\":2.5,\"s\":\"x\",\"t\":true,\"f\":false,\"n\":null,\"a\":[1,\"y\"],\"o\":{\"k\":-3}}", reader);

            Assert.AreEqual(8, root.Count);
            Assert.AreEqual(1L, (long)root["i"]);
            Assert.AreEqual(2.5, (double)root["d"]);
            Assert.AreEqual("x", (string)root["s"]);
            Assert.IsTrue((bool)root["t"]);
            Assert.IsFalse((bool)root["f"]);
            Assert.AreSame(JsonNull.Value, root["n"]);
            ArrayList array = (ArrayList)root["a"];
            Assert.AreEqual(2, array.Count);
            Assert.AreEqual(1L, (long)array[0]);
            Assert.AreEqual("y", (string)array[1]);
            Assert.AreEqual(-3L, (long)((Hashtable)root["o"])["k"]);
        }

        [TestMethod]
        public void Parse_RepeatedName_KeepsLastValue()
        {
            Hashtable root = (Hashtable)Parse("{\"LED1\":0,\"LED1\":1}", new JsonReader());

            Assert.AreEqual(1, root.Count);
            Assert.AreEqual(1L, (long)root["LED1"]);
        }

        [TestMethod]
        [DataRow("7", 7L)]
        [DataRow(" -2 ", -2L)]
        public void Parse_ScalarDocument_IsTheValue(string json, long expected)
        {
            Assert.AreEqual(expected, (long)Parse(json, new JsonReader()));
        }

        [TestMethod]
        public void Parse_EmptyContainers_AreEmpty()
        {
            Assert.AreEqual(0, ((Hashtable)Parse("{}", new JsonReader())).Count);
            Assert.AreEqual(0, ((ArrayList)Parse("[]", new JsonReader())).Count);
        }

        [TestMethod]
        [DataRow("{\"a\":1", 1, 6)]
        [DataRow("{\"a\":[1,2}", 2, 9)]
        [DataRow("{\"a\":1} {", 9, 8)]
        [DataRow("[1,2,", 1, 5)]
        [DataRow("{\"a\":tru}", 2, 8)]
        public void Parse_Malformed_ReturnsNullWithError(string json, int error, int position)
        {
            JsonReader reader = new JsonReader();

            object root = Parse(json, reader);

            Assert.IsNull(root);
            Assert.AreEqual(error, (int)reader.Error);
            Assert.AreEqual(position, reader.ErrorPosition);
        }

        [TestMethod]
        public void Parse_TooDeep_ReturnsNullWithError()
        {
            JsonReader reader = new JsonReader(3, 16, 16);

            object root = Parse("{\"a\":{\"b\":{\"c\":{}}}}", reader);

            Assert.IsNull(root);
            Assert.AreEqual((int)JsonReadError.TooDeep, (int)reader.Error);
            Assert.AreEqual(15, reader.ErrorPosition);
        }

        [TestMethod]
        public void Parse_ReaderReused_StartsFresh()
        {
            JsonReader reader = new JsonReader();
            Assert.IsNull(Parse("{", reader));

            object root = Parse("{\"ok\":true}", reader);

            Assert.IsNotNull(root);
            Assert.AreEqual((int)JsonReadError.None, (int)reader.Error);
        }
    }
}
