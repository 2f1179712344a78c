using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.At;
using StmNode.IntegrationTests.Support;

namespace StmNode.IntegrationTests.Fuzz
{
    /// <summary>
    /// Generated modem output against the AT line framer and the AT channel: random bytes and streams built from
    /// real AT fragments (finals, URCs, raw-length URCs, prompts, noise). No exception may escape, and the framer
    /// must agree with a plain reference splitter.
    /// </summary>
    [TestClass]
    public sealed class AtFuzzTests
    {
        private static readonly string[] Fragments =
        {
            "\r\n", "\r", "\n", "OK", "ERROR", "+CME ERROR: 3", "+CME ERROR: ", "+CMS ERROR: 999999999", "> ", ">",
            "+QMTRECV: 0,1,\"t/a\",\"{\\\"x\\\":1}\"", "+QMTSTAT: 0,1", "+QMTCONN: 0,0,0", "+QMTPUBEX: 0,1,0",
            "+MQTTSUBRECV:0,\"t\",5,", "+MQTTSUBRECV:0,\"t\",", "+MQTTSUBRECV:0,\"t\",99999,", "+MQTTSUBRECV:0,\"t\",-1,",
            "+MQTTSUBRECV:0,\"t\",x,", "hello", "AT+TEST", "RDY", "\"", ",", "\u001a", "+++", "\0", "\u00e9", "\u4e2d",
            "     ", "\t"
        };

        private static Gen<byte[]> ModemOutput =>
            Gen.Frequency(
                (1, Gen.Byte.Array[0, 400]),
                (3, Gen.Frequency(
                        (6, Gen.OneOf(Fragments).Select(s => Encoding.UTF8.GetBytes(s))),
                        (1, Gen.Byte.Array[1, 8]),
                        (1, Gen.Const(new byte[] { 0xFF, 0xC3 })),
                        (1, Gen.Byte.Array[2000, 2100].Select(a => a.Select(b => (byte)(b | 0x40)).ToArray())))
                    .Array[0, 40]
                    .Select(parts => parts.SelectMany(p => p).ToArray())));

        [TestMethod]
        public void LineFramer_RandomOutputWithoutRawPrefixes_MatchesReferenceSplitter()
        {
            ModemOutput.Sample(input =>
            {
                AtLineFramer framer = new AtLineFramer(256, 512);
                List<string> lines = new List<string>();
                foreach (byte b in input)
                {
                    int result = framer.Push(b);
                    Assert.AreNotEqual(AtLineFramer.RawReady, result);
                    if (result == AtLineFramer.LineReady)
                    {
                        lines.Add(framer.Line);
                    }
                }

                CollectionAssert.AreEqual(ReferenceLines(input, 256), lines);
            }, iter: FuzzRun.Iterations);
        }

        [TestMethod]
        public void LineFramer_RandomOutputWithRawPrefix_NeverThrowsAndBoundsRawSections()
        {
            ModemOutput.Sample(input =>
            {
                AtLineFramer framer = new AtLineFramer(256, 512);
                framer.AddRawPrefix("+MQTTSUBRECV:", EspLength);
                foreach (byte b in input)
                {
                    int result = framer.Push(b);
                    if (result == AtLineFramer.LineReady)
                    {
                        Assert.IsTrue(framer.Line.Length > 0 && framer.Line.IndexOfAny(new[] { '\r', '\n' }) < 0);
                    }
                    else if (result == AtLineFramer.RawReady)
                    {
                        Assert.IsTrue(framer.RawHeader.StartsWith("+MQTTSUBRECV:", StringComparison.Ordinal));
                        Assert.IsTrue(framer.RawCount >= 0 && framer.RawCount <= 512);
                    }
                }
            }, iter: FuzzRun.Iterations);
        }

        [TestMethod]
        public void Channel_CommandAgainstRandomOutputInRandomChunks_ReturnsTypedReplyWithinBoundedTime()
        {
            Gen.Select(ModemOutput, Gen.Int[1, 300].Array[1, 8]).Sample((input, chunks) =>
            {
                VirtualClock clock = new VirtualClock();
                ByteFeedLine line = new ByteFeedLine(input, chunks, clock);
                AtChannel channel = new AtChannel(line, clock, new RecordingLog());
                int urcs = 0;
                channel.AddUrc("+QMTRECV:", _ => urcs++);
                channel.AddUrc("+QMTSTAT:", _ => throw new InvalidOperationException("handler bug"));
                channel.AddRawUrc("+MQTTSUBRECV:", EspLength, (header, data, offset, count) =>
                {
                    Assert.IsTrue(offset >= 0 && count >= 0 && offset + count <= data.Length);
                    urcs++;
                });

                AtReply reply = channel.Send("AT+TEST", null, 300);
                Assert.IsNotNull(reply);
                Assert.IsTrue(Enum.IsDefined(reply.Status));
                AtReply data = channel.SendData(new AtCommand("AT+QMTPUBEX=0,1,1,0,\"t\",3", null, 300), new byte[] { 1, 2, 3 }, 0, 3, false, 300);
                Assert.IsNotNull(data);
                channel.Poll(100);

                // Every command's wait, and the resync after a timeout, is bounded: a few seconds of virtual time
                // besides the time the modem's output takes on the wire.
                long wireMs = input.Length * ByteFeedLine.WireMicrosPerByte / 1000 + 1;
                Assert.IsTrue(clock.UptimeMs < 10_000 + wireMs, "virtual time " + clock.UptimeMs + " ms for " + wireMs + " ms of data");
                Assert.IsTrue(urcs <= input.Length);
                string written = Encoding.UTF8.GetString(line.Written.ToArray());
                Assert.IsTrue(written.StartsWith("AT+TEST\r", StringComparison.Ordinal));
            }, iter: FuzzRun.Iterations);
        }

        // The ESP-AT rule: +MQTTSUBRECV:<link>,"<topic>",<length>,<data>; the length ends at the third comma.
        internal static int EspLength(string header)
        {
            int commas = 0;
            int lengthStart = -1;
            bool quoted = false;
            for (int i = 0; i < header.Length; i++)
            {
                if (header[i] == '"')
                {
                    quoted = !quoted;
                }
                else if (header[i] == ',' && !quoted)
                {
                    commas++;
                    if (commas == 2)
                    {
                        lengthStart = i + 1;
                    }
                    else if (commas == 3)
                    {
                        string digits = header.Substring(lengthStart, i - lengthStart);
                        return digits.Length > 0 && digits.Length <= 5 && digits.All(char.IsAsciiDigit)
                            ? int.Parse(digits)
                            : AtLineFramer.PlainLine;
                    }
                }
            }

            return AtLineFramer.NeedMore;
        }

        // What the framer must produce without raw prefixes: split at CR or LF, drop lines longer than the
        // buffer, trim bytes up to 0x20 on both sides, drop empty lines.
        private static List<string> ReferenceLines(byte[] input, int maxLine)
        {
            List<string> lines = new List<string>();
            List<byte> current = new List<byte>();
            bool overflow = false;
            foreach (byte b in input)
            {
                if (b == 13 || b == 10)
                {
                    byte[] bytes = current.ToArray();
                    int start = 0;
                    int end = bytes.Length;
                    while (start < end && bytes[start] <= 0x20)
                    {
                        start++;
                    }

                    while (end > start && bytes[end - 1] <= 0x20)
                    {
                        end--;
                    }

                    if (!overflow && end > start)
                    {
                        lines.Add(AtLineFramer.Decode(bytes, start, end - start));
                    }

                    current.Clear();
                    overflow = false;
                }
                else if (current.Count == maxLine)
                {
                    overflow = true;
                }
                else
                {
                    current.Add(b);
                }
            }

            return lines;
        }
    }
}
