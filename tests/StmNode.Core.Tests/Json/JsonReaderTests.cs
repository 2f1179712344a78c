#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using StmNode.Json;
using StmNode.Tests.Crypto;

namespace StmNode.Tests.Json
{
    [TestClass]
    public class JsonReaderTests
    {
        private static JsonReader Over(string json)
        {
            JsonReader reader = new JsonReader();
            byte[] data = Encoding.UTF8.GetBytes(json);
            reader.Reset(data, 0, data.Length);
            return reader;
        }

        private static JsonReader OverHex(string hex)
        {
            JsonReader reader = new JsonReader();
            byte[] data = HexBytes.Parse(hex);
            reader.Reset(data, 0, data.Length);
            return reader;
        }

        private static void ReadToEnd(JsonReader reader)
        {
            int guard = 0;
            while (reader.Read() && guard++ < 10000)
            {
            }
        }

        [TestMethod]
        public void Read_Document_YieldsTokensInOrder()
        {
            JsonReader reader = Over(" {\"a\" : [1, true,false, null,\"x\"], \"b\":{}}\r\n");
            int[] expected = new int[]
            {
                (int)JsonTokenType.StartObject, (int)JsonTokenType.PropertyName, (int)JsonTokenType.StartArray,
                (int)JsonTokenType.Number, (int)JsonTokenType.True, (int)JsonTokenType.False, (int)JsonTokenType.Null,
                (int)JsonTokenType.String, (int)JsonTokenType.EndArray, (int)JsonTokenType.PropertyName,
                (int)JsonTokenType.StartObject, (int)JsonTokenType.EndObject, (int)JsonTokenType.EndObject
            };

            for (int i = 0; i < expected.Length; i++)
            {
                Assert.IsTrue(reader.Read(), "token " + i);
                Assert.AreEqual(expected[i], (int)reader.TokenType, "token " + i);
            }

            Assert.IsFalse(reader.Read());
            Assert.AreEqual((int)JsonTokenType.EndOfDocument, (int)reader.TokenType);
            Assert.AreEqual((int)JsonReadError.None, (int)reader.Error);
            Assert.AreEqual(-1, reader.ErrorPosition);
        }

        [TestMethod]
        public void Read_PropertyName_DecodesAndCompares()
        {
            JsonReader reader = Over("{\"LED1\":1}");

            reader.Read();
            reader.Read();

            Assert.AreEqual("LED1", reader.GetString());
            Assert.IsTrue(reader.ValueEquals("LED1"));
            Assert.IsFalse(reader.ValueEquals("LED"));
            Assert.IsFalse(reader.ValueEquals("LED2"));
            Assert.AreEqual(1, reader.TokenPosition);
        }

        [TestMethod]
        [DataRow("", 1, 0)]
        [DataRow("   ", 1, 3)]
        [DataRow("{", 1, 1)]
        [DataRow("{\"a\":1", 1, 6)]
        [DataRow("{\"a\" 1}", 2, 5)]
        [DataRow("{\"a\"", 1, 4)]
        [DataRow("[1,]", 2, 3)]
        [DataRow("{\"a\":1,}", 2, 7)]
        [DataRow("[1 2]", 2, 3)]
        [DataRow("{1:2}", 2, 1)]
        [DataRow("tru", 1, 3)]
        [DataRow("trux", 2, 3)]
        [DataRow("01", 8, 1)]
        [DataRow("1.", 1, 2)]
        [DataRow("-", 1, 1)]
        [DataRow("1e", 1, 2)]
        [DataRow("1.e5", 8, 2)]
        [DataRow("-a", 8, 1)]
        [DataRow("+1", 2, 0)]
        [DataRow("{} x", 9, 3)]
        [DataRow("[1]]", 9, 3)]
        [DataRow("]", 2, 0)]
        [DataRow("[}", 2, 1)]
        [DataRow("{\"a\":1]", 2, 6)]
        [DataRow("\"a\\x\"", 4, 2)]
        [DataRow("\"a\tb\"", 4, 2)]
        [DataRow("\"\\ud800\"", 4, 1)]
        [DataRow("\"\\ud800\\u0041\"", 4, 1)]
        [DataRow("\"\\udc00\"", 4, 1)]
        [DataRow("\"\\u12g4\"", 4, 1)]
        [DataRow("\"\\u12", 1, 5)]
        [DataRow("\"abc", 1, 4)]
        [DataRow("'a'", 2, 0)]
        [DataRow("NaN", 2, 0)]
        public void Read_MalformedInput_ReportsErrorAndPosition(string json, int error, int position)
        {
            JsonReader reader = Over(json);

            ReadToEnd(reader);

            Assert.AreEqual(error, (int)reader.Error);
            Assert.AreEqual(position, reader.ErrorPosition);
            Assert.AreEqual((int)JsonTokenType.Error, (int)reader.TokenType);
            Assert.IsFalse(reader.Read());
        }

        [TestMethod]
        [DataRow("22C0AF22", 3, 1)]
        [DataRow("22E0808022", 3, 1)]
        [DataRow("22EDA08022", 3, 1)]
        [DataRow("22F580808022", 3, 1)]
        [DataRow("22F490808022", 3, 1)]
        [DataRow("22418022", 3, 2)]
        [DataRow("22E28222", 3, 1)]
        [DataRow("22FF22", 3, 1)]
        [DataRow("22E282", 1, 3)]
        [DataRow("FF", 2, 0)]
        [DataRow("7BC3A93A317D", 2, 1)]
        public void Read_InvalidUtf8_ReportsErrorAndPosition(string hex, int error, int position)
        {
            JsonReader reader = OverHex(hex);

            ReadToEnd(reader);

            Assert.AreEqual(error, (int)reader.Error);
            Assert.AreEqual(position, reader.ErrorPosition);
        }

        [TestMethod]
        public void Read_ValidMultiByteUtf8_DecodesToUtf16()
        {
            // "é€😀" as 2-, 3- and 4-byte sequences
            JsonReader reader = OverHex("22C3A9E282ACF09F988022");

            Assert.IsTrue(reader.Read());

            Assert.AreEqual("\u00e9\u20ac\ud83d\ude00", reader.GetString());
        }

        [TestMethod]
        public void Read_Escapes_AreDecoded()
        {
            JsonReader reader = Over("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00E9\\ud83d\\ude00\"");

            Assert.IsTrue(reader.Read());

            Assert.AreEqual("\"\\/\b\f\n\r\tA\u00e9\ud83d\ude00", reader.GetString());
        }

        [TestMethod]
        public void Read_NestingAtLimit_IsAccepted()
        {
            JsonReader reader = new JsonReader(4, 16, 16);
            byte[] data = Encoding.UTF8.GetBytes("[[[[1]]]]");
            reader.Reset(data, 0, data.Length);

            ReadToEnd(reader);

            Assert.AreEqual((int)JsonReadError.None, (int)reader.Error);
            Assert.AreEqual((int)JsonTokenType.EndOfDocument, (int)reader.TokenType);
        }

        [TestMethod]
        public void Read_NestingBeyondLimit_ReportsTooDeep()
        {
            JsonReader reader = new JsonReader(4, 16, 16);
            byte[] data = Encoding.UTF8.GetBytes("[[[{\"a\":[1]}]]]");
            reader.Reset(data, 0, data.Length);

            ReadToEnd(reader);

            Assert.AreEqual((int)JsonReadError.TooDeep, (int)reader.Error);
            Assert.AreEqual(8, reader.ErrorPosition);
        }

        [TestMethod]
        public void Read_DeepNestingAttack_StopsAtLimitWithoutThrowing()
        {
            byte[] data = new byte[100000];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)'[';
            }

            JsonReader reader = new JsonReader();
            reader.Reset(data, 0, data.Length);
            ReadToEnd(reader);

            Assert.AreEqual((int)JsonReadError.TooDeep, (int)reader.Error);
            Assert.AreEqual(16, reader.ErrorPosition);
        }

        [TestMethod]
        [DataRow("\"12345678\"", 0)]
        [DataRow("\"123456789\"", 6)]
        [DataRow("\"1234567\u00e9\"", 6)]
        [DataRow("\"\\u0041\\u0041\"", 6)]
        public void Read_StringLengthLimit_CountsBytes(string json, int error)
        {
            JsonReader reader = new JsonReader(4, 8, 16);
            byte[] data = Encoding.UTF8.GetBytes(json);
            reader.Reset(data, 0, data.Length);

            ReadToEnd(reader);

            Assert.AreEqual(error, (int)reader.Error);
        }

        [TestMethod]
        public void Read_StringOfFourByteCharactersAtLimit_DoesNotOverrunScratch()
        {
            JsonReader reader = new JsonReader(4, 7, 16);
            // three ASCII bytes then two 4-byte characters: 11 bytes, over the 7-byte limit
            byte[] data = HexBytes.Parse("22414141F09F9880F09F988022");
            reader.Reset(data, 0, data.Length);

            ReadToEnd(reader);

            Assert.AreEqual((int)JsonReadError.StringTooLong, (int)reader.Error);
        }

        [TestMethod]
        [DataRow("1234567890123456", 0)]
        [DataRow("12345678901234567", 7)]
        [DataRow("-0.0000000000001", 0)]
        [DataRow("-0.00000000000001", 7)]
        public void Read_NumberLengthLimit_CountsCharacters(string json, int error)
        {
            JsonReader reader = new JsonReader(4, 8, 16);
            byte[] data = Encoding.UTF8.GetBytes(json);
            reader.Reset(data, 0, data.Length);

            ReadToEnd(reader);

            Assert.AreEqual(error, (int)reader.Error);
        }

        [TestMethod]
        [DataRow("0", 0L)]
        [DataRow("-0", 0L)]
        [DataRow("42", 42L)]
        [DataRow("-17", -17L)]
        [DataRow("9223372036854775807", 9223372036854775807L)]
        [DataRow("-9223372036854775808", -9223372036854775808L)]
        [DataRow("1717989300123", 1717989300123L)]
        public void Read_Integer_IsExactLong(string json, long expected)
        {
            JsonReader reader = Over(json);

            Assert.IsTrue(reader.Read());

            Assert.IsTrue(reader.IsInteger);
            Assert.AreEqual(expected, reader.LongValue);
            Assert.AreEqual((double)expected, reader.DoubleValue);
        }

        [TestMethod]
        [DataRow("1.5", 1.5)]
        [DataRow("-0.25", -0.25)]
        [DataRow("1e2", 100.0)]
        [DataRow("2.5E-1", 0.25)]
        [DataRow("1.0", 1.0)]
        [DataRow("23.5", 23.5)]
        [DataRow("0.001", 0.001)]
        [DataRow("9223372036854775808", 9223372036854775808.0)]
        [DataRow("-9223372036854775809", -9223372036854775809.0)]
        [DataRow("1e-400", 0.0)]
        public void Read_NonInteger_IsDouble(string json, double expected)
        {
            JsonReader reader = Over(json);

            Assert.IsTrue(reader.Read());

            Assert.IsFalse(reader.IsInteger);
            Assert.AreEqual(expected, reader.DoubleValue);
        }

        // Beyond 1e±22 the scaling may round the last bit differently from a correctly rounded parser.
        [TestMethod]
        [DataRow("123456789012345678901234", 1.2345678901234568E+23)]
        [DataRow("1e308", 1e308)]
        [DataRow("-4.5e-300", -4.5e-300)]
        [DataRow("0.000000000000000000000000001", 1e-27)]
        public void Read_ExtremeNumber_IsWithinRoundingOfValue(string json, double expected)
        {
            JsonReader reader = Over(json);

            Assert.IsTrue(reader.Read());

            double ratio = reader.DoubleValue / expected;
            Assert.IsTrue(ratio > 0.999999999999 && ratio < 1.000000000001, "ratio " + ratio.ToString());
        }

        [TestMethod]
        public void Read_HugeExponent_IsInfinity()
        {
            JsonReader reader = Over("-1e99999");

            Assert.IsTrue(reader.Read());

            Assert.IsFalse(reader.IsInteger);
            Assert.IsTrue(reader.DoubleValue < -1.7e308);
        }

        [TestMethod]
        public void Skip_NestedValue_LandsOnItsEnd()
        {
            JsonReader reader = Over("{\"skip\":{\"a\":[1,{\"b\":2}]},\"keep\":3}");
            reader.Read();
            reader.Read();

            Assert.IsTrue(reader.Skip());
            Assert.AreEqual((int)JsonTokenType.EndObject, (int)reader.TokenType);
            Assert.IsTrue(reader.Read());

            Assert.IsTrue(reader.ValueEquals("keep"));
            Assert.IsTrue(reader.Read());
            Assert.AreEqual(3L, reader.LongValue);
        }

        [TestMethod]
        public void Reset_WithOffset_ReadsOnlyTheRangeAndReportsRelativePositions()
        {
            byte[] data = Encoding.UTF8.GetBytes("xx[1,]yy");
            JsonReader reader = new JsonReader();
            reader.Reset(data, 2, 4);

            ReadToEnd(reader);

            Assert.AreEqual((int)JsonReadError.UnexpectedByte, (int)reader.Error);
            Assert.AreEqual(3, reader.ErrorPosition);
        }

        [TestMethod]
        public void Reset_RangeOutsideArray_IsEmptyInputNotAnException()
        {
            JsonReader reader = new JsonReader();

            reader.Reset(new byte[4], 2, 10);
            ReadToEnd(reader);

            Assert.AreEqual((int)JsonReadError.UnexpectedEnd, (int)reader.Error);
        }
    }
}
