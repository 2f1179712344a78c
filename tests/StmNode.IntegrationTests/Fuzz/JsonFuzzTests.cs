using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Json;
using StjDocument = System.Text.Json.JsonDocument;

namespace StmNode.IntegrationTests.Fuzz
{
    /// <summary>
    /// Generated documents against the JSON reader and writer: random and mutated bytes never throw and never loop,
    /// whatever the reader accepts System.Text.Json accepts too, and writer → reader is the identity.
    /// </summary>
    [TestClass]
    public sealed class JsonFuzzTests
    {
        private static readonly string[] Tokens =
        {
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud83d", "\\ude00", "\\u0000", "\\x", "true", "fals", "null",
            "-", "0", "01", "1.", "1e", "-0.5e-3", "12345678901234567890123", "1e400", " ", "\t\n", "\"a\"", "\"name\":",
            "\u00e9", "\u4e2d", "\U0001F600"
        };

        private static readonly Gen<string> Text =
            Gen.Frequency(
                (3, Gen.String[Gen.Char.AlphaNumeric, 0, 12]),
                (1, Gen.String[Gen.Char, 0, 12]),
                (1, Gen.String[Gen.Char["\"\\/\b\f\n\r\t\u0001\u001f\u007f\u00e9\u4e2d"], 0, 8]));

        private static readonly Gen<object> Tree = Value(5);

        private static Gen<object> Value(int depth)
        {
            Gen<object> scalar = Gen.Frequency(
                (2, Text.Select(s => (object)s)),
                (2, Gen.Long.Select(l => (object)l)),
                (1, Gen.Select(Gen.Int[-100_000_000, 100_000_000], Gen.Int[1, 4], (v, d) => (object)new Fraction(v / 1000.0, d))),
                (1, Gen.Bool.Select(b => (object)b)),
                (1, Gen.Const((object)JsonNull.Value)));
            if (depth == 0)
            {
                return scalar;
            }

            Gen<object> inner = Value(depth - 1);
            return Gen.Frequency(
                (4, scalar),
                (1, inner.List[0, 4].Select(l => (object)l)),
                (1, Gen.Select(Text, inner).Array[0, 4].Select(pairs => (object)ToObject(pairs))));
        }

        private static Gen<byte[]> Garbage =>
            Gen.Frequency(
                (1, Gen.Byte.Array[0, 200]),
                (3, Gen.OneOf(Tokens).Array[0, 40].Select(t => Encoding.UTF8.GetBytes(string.Concat(t)))),
                (3, Gen.Select(Tree, Gen.Int.Array[1, 4], Gen.Byte, (tree, positions, b) => Mutate(Write(tree), positions, b))));

        [TestMethod]
        public void Reader_RandomAndMutatedBytes_NeverThrowsAndOnlyAcceptsValidJson()
        {
            Garbage.Sample(input =>
            {
                JsonReader reader = new JsonReader();
                reader.Reset(input, 0, input.Length);
                int tokens = 0;
                while (reader.Read())
                {
                    tokens++;
                    Assert.IsTrue(tokens <= input.Length, "more tokens than bytes");
                    if (reader.TokenType == JsonTokenType.String || reader.TokenType == JsonTokenType.PropertyName)
                    {
                        reader.GetString();
                    }
                }

                if (reader.Error == JsonReadError.None)
                {
                    Assert.AreEqual(JsonTokenType.EndOfDocument, reader.TokenType);
                    Assert.IsTrue(AcceptedBySystemTextJson(input), "accepted what System.Text.Json refuses");
                }
                else
                {
                    Assert.IsTrue(reader.ErrorPosition >= 0 && reader.ErrorPosition <= input.Length);
                }

                object tree = JsonTree.Parse(reader, input, 0, input.Length);
                Assert.AreEqual(reader.Error == JsonReadError.None, tree != null);
            }, iter: FuzzRun.Iterations);
        }

        [TestMethod]
        public void Reader_SkipOverRandomDocuments_NeverThrows()
        {
            Garbage.Sample(input =>
            {
                JsonReader reader = new JsonReader(8, 64, 20);
                reader.Reset(input, 0, input.Length);
                int steps = 0;
                while (reader.Read() && steps++ <= input.Length)
                {
                    if (reader.TokenType == JsonTokenType.PropertyName || reader.TokenType == JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }
                }
            }, iter: FuzzRun.Iterations);
        }

        [TestMethod]
        public void WriterThenReader_GeneratedTrees_RoundTrip()
        {
            Tree.Sample(tree =>
            {
                byte[] json = Write(tree);
                Assert.IsTrue(AcceptedBySystemTextJson(json), "writer produced invalid JSON: " + Encoding.UTF8.GetString(json));
                object parsed = JsonTree.Parse(new JsonReader(), json, 0, json.Length);
                Assert.IsNotNull(parsed, Encoding.UTF8.GetString(json));
                AssertSame(tree, parsed);
            }, iter: FuzzRun.Iterations);
        }

        private static byte[] Write(object tree)
        {
            byte[] buffer = new byte[64 * 1024];
            JsonWriter writer = new JsonWriter();
            writer.Reset(buffer, 0, buffer.Length);
            WriteValue(writer, tree);
            Assert.AreEqual(JsonWriteError.None, writer.Error);
            Assert.IsTrue(writer.IsComplete);
            return buffer.AsSpan(0, writer.Length).ToArray();
        }

        private static void WriteValue(JsonWriter writer, object value)
        {
            switch (value)
            {
                case string s:
                    writer.WriteString(s);
                    break;
                case long l:
                    writer.WriteLong(l);
                    break;
                case Fraction d:
                    writer.WriteDouble(d.Value, d.Digits);
                    break;
                case bool b:
                    writer.WriteBool(b);
                    break;
                case List<object> list:
                    writer.BeginArray();
                    list.ForEach(item => WriteValue(writer, item));
                    writer.EndArray();
                    break;
                case List<KeyValuePair<string, object>> members:
                    writer.BeginObject();
                    foreach (KeyValuePair<string, object> member in members)
                    {
                        writer.WriteName(member.Key);
                        WriteValue(writer, member.Value);
                    }

                    writer.EndObject();
                    break;
                default:
                    writer.WriteNull();
                    break;
            }
        }

        private static void AssertSame(object expected, object actual)
        {
            switch (expected)
            {
                case Fraction d:
                    Assert.IsInstanceOfType(actual, typeof(double));
                    Assert.IsTrue(Math.Abs((double)actual - d.Value) <= 0.5 * Math.Pow(10, -d.Digits) + 1e-9, d.Value + " read back as " + actual);
                    break;
                case List<object> list:
                    ArrayList items = (ArrayList)actual;
                    Assert.AreEqual(list.Count, items.Count);
                    for (int i = 0; i < list.Count; i++)
                    {
                        AssertSame(list[i], items[i]);
                    }

                    break;
                case List<KeyValuePair<string, object>> members:
                    Hashtable table = (Hashtable)actual;
                    Assert.AreEqual(members.Count, table.Count);
                    foreach (KeyValuePair<string, object> member in members)
                    {
                        AssertSame(member.Value, table[member.Key]);
                    }

                    break;
                default:
                    Assert.AreEqual(expected, actual);
                    break;
            }
        }

        private static bool AcceptedBySystemTextJson(byte[] json)
        {
            try
            {
                using StjDocument document = StjDocument.Parse(json);
                return true;
            }
            catch (System.Text.Json.JsonException)
            {
                return false;
            }
        }

        private static List<KeyValuePair<string, object>> ToObject((string, object)[] pairs)
        {
            // Names are unique here: with repeated names the reader keeps the last one, which is tested elsewhere.
            return pairs.GroupBy(p => p.Item1).Select(g => new KeyValuePair<string, object>(g.Key, g.First().Item2)).ToList();
        }

        private static byte[] Mutate(byte[] json, int[] positions, byte value)
        {
            List<byte> bytes = json.ToList();
            foreach (int position in positions)
            {
                if (bytes.Count == 0)
                {
                    break;
                }

                int at = (int)((uint)position % (uint)bytes.Count);
                switch ((uint)position % 3)
                {
                    case 0:
                        bytes[at] = value;
                        break;
                    case 1:
                        bytes.RemoveAt(at);
                        break;
                    default:
                        bytes.Insert(at, value);
                        break;
                }
            }

            return bytes.ToArray();
        }

        /// <summary>A fractional value and the decimals it is written with.</summary>
        private sealed record Fraction(double Value, int Digits);
    }
}
