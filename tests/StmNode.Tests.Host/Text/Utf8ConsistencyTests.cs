using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Json;
using StmNode.Mqtt;

namespace StmNode.Tests.Text
{
    /// <summary>
    /// Host-only: Core has two UTF-8 checks (the JSON reader decodes strings, MQTT validates topics). Both must accept
    /// exactly what .NET's Utf8.IsValid accepts, for every 1- and 2-byte sequence and for 3- and 4-byte sequences
    /// built from every lead byte and the boundary continuation bytes.
    /// </summary>
    [TestClass]
    public class Utf8ConsistencyTests
    {
        private static readonly byte[] Boundaries = { 0x20, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF };


        [TestMethod]
        public void Check_EverySequence_AgreesWithDotNet()
        {
            JsonReader reader = new JsonReader();
            int compared = 0;
            foreach (byte[] sequence in Sequences())
            {
                bool expected = IsValidUtf8(sequence);
                int badIndex;
                bool mqtt = MqttUtf8.Check(sequence, 0, sequence.Length, out badIndex) == MqttError.None;
                Assert.AreEqual(expected, mqtt, "MQTT " + BitConverter.ToString(sequence));

                byte[] json = new byte[sequence.Length + 2];
                json[0] = (byte)'"';
                Array.Copy(sequence, 0, json, 1, sequence.Length);
                json[json.Length - 1] = (byte)'"';
                reader.Reset(json, 0, json.Length);
                bool jsonOk = reader.Read() && reader.TokenType == JsonTokenType.String;
                Assert.AreEqual(expected, jsonOk, "JSON " + BitConverter.ToString(sequence));
                if (jsonOk)
                {
                    Assert.AreEqual(Encoding.UTF8.GetString(sequence), reader.GetString(), "JSON text " + BitConverter.ToString(sequence));
                }

                compared++;
            }

            Assert.IsTrue(compared > 60000);
        }

        // Bytes below 0x20, '"' and '\\' are left out: JSON treats them specially whatever UTF-8 says.
        private static IEnumerable<byte[]> Sequences()
        {
            for (int a = 0x20; a < 0x100; a++)
            {
                if (Plain(a))
                {
                    yield return new[] { (byte)a };
                    for (int b = 0x20; b < 0x100; b++)
                    {
                        if (Plain(b))
                        {
                            yield return new[] { (byte)a, (byte)b };
                        }
                    }
                }
            }

            for (int lead = 0xE0; lead < 0x100; lead++)
            {
                foreach (byte b in Boundaries)
                {
                    foreach (byte c in Boundaries)
                    {
                        yield return new[] { (byte)lead, b, c };
                        foreach (byte d in Boundaries)
                        {
                            yield return new[] { (byte)lead, b, c, d };
                        }
                    }
                }
            }
        }

        private static bool Plain(int value)
        {
            return value >= 0x20 && value != '"' && value != '\\';
        }

        private static bool IsValidUtf8(byte[] bytes)
        {
            return System.Text.Unicode.Utf8.IsValid(bytes);
        }
    }
}
