#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using StmNode.Json;

namespace StmNode.Tests.Json
{
    [TestClass]
    public class JsonWriterTests
    {
        private static JsonWriter NewWriter(int capacity)
        {
            JsonWriter writer = new JsonWriter();
            writer.Reset(new byte[capacity], 0, capacity);
            return writer;
        }

        private static string Text(JsonWriter writer)
        {
            return Encoding.UTF8.GetString(writer.Buffer, writer.Offset, writer.Length);
        }

        [TestMethod]
        public void Write_NestedObjectsAndArrays_ProducesCompactJson()
        {
            JsonWriter writer = NewWriter(200);

            writer.BeginObject();
            writer.WriteName("services");
            writer.BeginArray();
            writer.BeginObject();
            writer.WriteString("service_id", "stm32");
            writer.WriteName("properties");
            writer.BeginObject();
            writer.WriteLong("DHT11_T", 18);
            writer.WriteBool("ok", true);
            writer.WriteName("none");
            writer.WriteNull();
            writer.EndObject();
            writer.EndObject();
            writer.EndArray();
            writer.EndObject();

            Assert.AreEqual("{\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"DHT11_T\":18,\"ok\":true,\"none\":null}}]}", Text(writer));
            Assert.IsTrue(writer.IsComplete);
        }

        [TestMethod]
        public void WriteLong_ArrayOfExtremes_WritesEveryDigit()
        {
            JsonWriter writer = NewWriter(100);

            writer.BeginArray();
            writer.WriteLong(0);
            writer.WriteLong(-7);
            writer.WriteLong(long.MaxValue);
            writer.WriteLong(long.MinValue);
            writer.EndArray();

            Assert.AreEqual("[0,-7,9223372036854775807,-9223372036854775808]", Text(writer));
        }

        [TestMethod]
        [DataRow(23.5, 1, "23.5")]
        [DataRow(3.71, 2, "3.71")]
        [DataRow(10.0, 3, "10.0")]
        [DataRow(-0.25, 2, "-0.25")]
        [DataRow(-0.0004, 3, "0.0")]
        [DataRow(0.125, 2, "0.13")]
        [DataRow(1.005, 0, "1.0")]
        [DataRow(123456.789, 9, "123456.789")]
        [DataRow(-40.06, 1, "-40.1")]
        public void WriteDouble_Value_RoundsAndKeepsDecimalPoint(double value, int decimals, string expected)
        {
            JsonWriter writer = NewWriter(40);

            writer.WriteDouble(value, decimals);

            Assert.AreEqual(expected, Text(writer));
        }

        [TestMethod]
        public void WriteDouble_NaN_ReportsInvalidNumber()
        {
            JsonWriter writer = NewWriter(40);

            writer.WriteDouble(double.NaN, 2);

            Assert.AreEqual((int)JsonWriteError.InvalidNumber, (int)writer.Error);
            Assert.IsFalse(writer.IsComplete);
        }

        [TestMethod]
        public void WriteDouble_Infinity_ReportsInvalidNumber()
        {
            JsonWriter writer = NewWriter(40);

            writer.WriteDouble(double.PositiveInfinity, 2);

            Assert.AreEqual((int)JsonWriteError.InvalidNumber, (int)writer.Error);
            Assert.AreEqual(0, writer.Length);
        }

        [TestMethod]
        [DataRow(1e300)]
        [DataRow(-1e300)]
        public void WriteDouble_TooLarge_ReportsInvalidNumber(double value)
        {
            JsonWriter writer = NewWriter(40);

            writer.WriteDouble(value, 3);

            Assert.AreEqual((int)JsonWriteError.InvalidNumber, (int)writer.Error);
        }

        [TestMethod]
        public void WriteString_QuotesBackslashAndControls_AreEscaped()
        {
            JsonWriter writer = NewWriter(100);

            writer.WriteString("a\"b\\c\n\r\t\b\f\u0001\u001f\u007f/");

            Assert.AreEqual("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\\u007f/\"", Text(writer));
        }

        [TestMethod]
        public void WriteString_NonAscii_IsUtf8()
        {
            JsonWriter writer = NewWriter(40);

            // é (2 bytes), € (3 bytes), U+1F600 as a surrogate pair (4 bytes)
            writer.WriteString("\u00e9\u20ac\ud83d\ude00");

            byte[] expected = new byte[] { 0x22, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0x22 };
            byte[] actual = new byte[writer.Length];
            System.Array.Copy(writer.Buffer, 0, actual, 0, writer.Length);
            CollectionAssert.AreEqual(expected, actual);
        }

        [TestMethod]
        public void WriteString_ConsecutiveCharactersAboveFFFF_FourBytesEach()
        {
            JsonWriter writer = NewWriter(40);

            // U+1F600 and U+1F601 share their high surrogate: only the low halves tell them apart.
            writer.WriteString("\U0001F600\U0001F601x");

            byte[] expected = new byte[] { 0x22, 0xF0, 0x9F, 0x98, 0x80, 0xF0, 0x9F, 0x98, 0x81, 0x78, 0x22 };
            byte[] actual = new byte[writer.Length];
            System.Array.Copy(writer.Buffer, 0, actual, 0, writer.Length);
            CollectionAssert.AreEqual(expected, actual);
        }

        [TestMethod]
        public void WriteString_CharacterAboveFFFFPastCapacity_IsOverflowWithoutPartialBytes()
        {
            byte[] buffer = new byte[8];
            JsonWriter writer = new JsonWriter();
            writer.Reset(buffer, 0, 4);

            writer.WriteString("a\U0001F600");

            Assert.AreEqual((int)JsonWriteError.Overflow, (int)writer.Error);
            Assert.AreEqual(2, writer.Length);
            Assert.AreEqual((byte)0, buffer[2]);
            Assert.AreEqual((byte)0, buffer[4]);
        }

        [TestMethod]
        public void WriteString_LoneSurrogate_BecomesReplacementCharacter()
        {
            // On nanoFramework the literal already holds U+FFFD (a string there cannot hold a lone surrogate), so only
            // .NET runs the replacement branch; the bytes written are the same on both.
            JsonWriter writer = NewWriter(40);

            writer.WriteString("x\ud800y");

            byte[] expected = new byte[] { 0x22, 0x78, 0xEF, 0xBF, 0xBD, 0x79, 0x22 };
            byte[] actual = new byte[writer.Length];
            System.Array.Copy(writer.Buffer, 0, actual, 0, writer.Length);
            CollectionAssert.AreEqual(expected, actual);
        }

        [TestMethod]
        public void Write_BufferTooSmall_ReportsOverflowWithoutWritingPastCapacity()
        {
            byte[] buffer = new byte[12];
            JsonWriter writer = new JsonWriter();
            writer.Reset(buffer, 2, 8);

            writer.BeginObject();
            writer.WriteString("name", "value");
            writer.EndObject();

            Assert.AreEqual((int)JsonWriteError.Overflow, (int)writer.Error);
            Assert.AreEqual(8, writer.Length);
            Assert.AreEqual((byte)0, buffer[0]);
            Assert.AreEqual((byte)0, buffer[1]);
            Assert.AreEqual((byte)0, buffer[10]);
            Assert.IsFalse(writer.IsComplete);
        }

        [TestMethod]
        public void Write_ExactCapacity_Fits()
        {
            JsonWriter writer = NewWriter(8);

            writer.BeginObject();
            writer.WriteLong("a", 12);
            writer.EndObject();

            Assert.AreEqual("{\"a\":12}", Text(writer));
            Assert.IsTrue(writer.IsComplete);
        }

        [TestMethod]
        public void WriteName_InsideArray_ReportsBadNesting()
        {
            JsonWriter writer = NewWriter(40);

            writer.BeginArray();
            writer.WriteName("x");

            Assert.AreEqual((int)JsonWriteError.BadNesting, (int)writer.Error);
        }

        [TestMethod]
        public void WriteValue_InObjectWithoutName_ReportsBadNesting()
        {
            JsonWriter writer = NewWriter(40);

            writer.BeginObject();
            writer.WriteLong(1);

            Assert.AreEqual((int)JsonWriteError.BadNesting, (int)writer.Error);
        }

        [TestMethod]
        public void EndObject_ClosingAnArray_ReportsBadNesting()
        {
            JsonWriter writer = NewWriter(40);

            writer.BeginArray();
            writer.EndObject();

            Assert.AreEqual((int)JsonWriteError.BadNesting, (int)writer.Error);
        }

        [TestMethod]
        public void WriteValue_SecondTopLevelValue_ReportsBadNesting()
        {
            JsonWriter writer = NewWriter(40);

            writer.WriteLong(1);
            writer.WriteLong(2);

            Assert.AreEqual((int)JsonWriteError.BadNesting, (int)writer.Error);
            Assert.AreEqual("1", Text(writer));
        }

        [TestMethod]
        public void BeginArray_BeyondMaxDepth_ReportsTooDeep()
        {
            JsonWriter writer = NewWriter(100);

            for (int i = 0; i < JsonWriter.MaxDepth; i++)
            {
                writer.BeginArray();
            }

            Assert.AreEqual((int)JsonWriteError.None, (int)writer.Error);
            writer.BeginArray();

            Assert.AreEqual((int)JsonWriteError.TooDeep, (int)writer.Error);
        }

        [TestMethod]
        public void IsComplete_ObjectLeftOpen_IsFalse()
        {
            JsonWriter writer = NewWriter(40);

            writer.BeginObject();

            Assert.IsFalse(writer.IsComplete);
            Assert.AreEqual(1, writer.Depth);
        }

        [TestMethod]
        public void Reset_AfterError_StartsCleanDocument()
        {
            JsonWriter writer = NewWriter(2);
            writer.WriteString("too long");
            Assert.AreEqual((int)JsonWriteError.Overflow, (int)writer.Error);

            writer.Reset(new byte[10], 0, 10);
            writer.WriteLong(5);

            Assert.AreEqual((int)JsonWriteError.None, (int)writer.Error);
            Assert.AreEqual("5", Text(writer));
        }

        [TestMethod]
        public void Reset_RangeOutsideBuffer_ReportsOverflow()
        {
            JsonWriter writer = new JsonWriter();

            writer.Reset(new byte[4], 2, 5);
            writer.WriteLong(1);

            Assert.AreEqual((int)JsonWriteError.Overflow, (int)writer.Error);
            Assert.AreEqual(0, writer.Length);
        }

        [TestMethod]
        public void RawString_FromParts_IsOneEscapedString()
        {
            JsonWriter writer = NewWriter(40);

            writer.BeginObject();
            writer.WriteName("t");
            writer.BeginRawString();
            writer.AppendPaddedNumber(2024, 4);
            writer.AppendPaddedNumber(6, 2);
            writer.AppendRawString("T\"");
            writer.EndRawString();
            writer.EndObject();

            Assert.AreEqual("{\"t\":\"202406T\\\"\"}", Text(writer));
        }
    }
}
