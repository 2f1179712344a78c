using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Adapters;
using StmNode.IntegrationTests.Emulators;
using StmNode.IntegrationTests.Support;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Security
{
    /// <summary>
    /// Payloads, topics and credentials holding the characters that end or split an AT command (<c>"</c>, <c>,</c>,
    /// <c>\</c>, CR, LF, Ctrl-Z, <c>+++</c>, NUL) through Core's real modem links into the emulated modems: every
    /// command the device writes is one well-formed line, no extra command appears, and what is accepted reaches the
    /// broker byte for byte; what cannot be carried safely is refused before anything is written.
    /// </summary>
    [TestClass]
    public sealed class AtInjectionTests
    {
        private static readonly string[] Hostile =
        {
            "a\"b", "a,b", "a\\b", "a\rAT+CFUN=0\r", "a\nAT+QPOWD=1\n", "a\u001ab", "+++", "a\0b", "\",\"x\\\",\r\n+++\u001a\0",
        };

        [TestMethod]
        [DataRow("bc26")]
        [DataRow("ec20")]
        [DataRow("esp-at")]
        public async Task Publish_HostilePayloads_AreCarriedExactlyOrRefusedWithoutExtraCommands(string kind)
        {
            await using ModemLinkRig rig = await ConnectedRig(kind);
            foreach (string text in Hostile)
            {
                byte[] payload = Encoding.UTF8.GetBytes("{\"v\":\"" + text + "\"}");
                rig.Line.ClearWrites();
                LinkResult result = rig.Link.Publish("t/report", payload, 0, payload.Length, 1);
                List<string> commands = Publishes(CheckWrites(rig, payload));
                bool ctrlZEndsData = kind == "bc26";
                if (ctrlZEndsData && text.Contains('\u001a'))
                {
                    Assert.AreEqual(LinkResult.InvalidArgument, result, Show(text));
                    Assert.AreEqual(0, commands.Count, "a refused payload must not reach the modem: " + Show(text));
                    continue;
                }

                Assert.AreEqual(LinkResult.Ok, result, Show(text) + " " + rig.Link.LastError);
                Assert.AreEqual(1, commands.Count, string.Join(" | ", commands));
                ReceivedPublish received = rig.Broker.NextPublish();
                Assert.IsNotNull(received, Show(text));
                Assert.AreEqual("t/report", received.Topic);
                CollectionAssert.AreEqual(payload, received.Payload, Show(text));
            }

            AssertStillInSync(rig);
        }

        [TestMethod]
        [DataRow("bc26")]
        [DataRow("ec20")]
        [DataRow("esp-at")]
        public async Task Publish_HostileTopics_AreQuotedSafelyOrRefusedWithoutExtraCommands(string kind)
        {
            await using ModemLinkRig rig = await ConnectedRig(kind);
            byte[] payload = Encoding.UTF8.GetBytes("{}");

            // "+++" alone is left out here: '+' makes a topic name invalid MQTT, which the links do not check before
            // sending (the broker drops the session and the publish waits out its result timeout: docs/performance.md).
            foreach (string text in Hostile.Where(h => h != "+++"))
            {
                string topic = "t/" + text;
                rig.Line.ClearWrites();
                LinkResult result = rig.Link.Publish(topic, payload, 0, payload.Length, 1);
                List<string> commands = Publishes(CheckWrites(rig, payload));
                Assert.IsTrue(commands.Count <= 1, string.Join(" | ", commands));
                if (result == LinkResult.Ok)
                {
                    Assert.AreEqual(1, commands.Count);
                    ReceivedPublish received = rig.Broker.NextPublish();
                    Assert.IsNotNull(received, Show(topic));
                    Assert.AreEqual(topic, received.Topic, "the broker must see the topic as given");
                }
                else
                {
                    // Refused: by the driver (nothing written) or by the modem/broker for a topic MQTT forbids.
                    bool unquotable = topic.IndexOfAny(new[] { '\r', '\n', '\0', '\u001a' }) >= 0 || (kind != "esp-at" && topic.Contains('"'));
                    bool mqttInvalid = topic.Contains('+');
                    Assert.IsTrue(unquotable || mqttInvalid, "a carriable topic was refused: " + Show(topic) + " " + rig.Link.LastError);
                    if (unquotable)
                    {
                        Assert.AreEqual(0, commands.Count, "an unquotable topic must not reach the modem: " + Show(topic));
                    }

                    if (!rig.Link.IsConnected)
                    {
                        Assert.AreEqual(LinkResult.Ok, rig.Link.Connect(rig.Options("node-1", "user", "pw")), rig.Link.LastError);
                    }
                }
            }

            AssertStillInSync(rig);
        }

        [TestMethod]
        [DataRow("bc26")]
        [DataRow("ec20")]
        [DataRow("esp-at")]
        public async Task Connect_HostileCredentials_AreQuotedSafelyOrRefusedWithoutExtraCommands(string kind)
        {
            foreach (string text in Hostile)
            {
                await using ModemLinkRig rig = await ModemLinkRig.StartAsync(kind, new SystemClock(), new RecordingLog());
                rig.Line.ClearWrites();
                LinkResult result = rig.Link.Connect(rig.Options("id" + text, "user" + text, "pw" + text));
                List<string> commands = CheckWrites(rig, null);
                string connectCommand = kind == "esp-at" ? "AT+MQTTUSERCFG=" : "AT+QMTCONN=";
                int connects = commands.Count(c => c.StartsWith(connectCommand, StringComparison.Ordinal));
                bool carriable = kind == "esp-at"
                    ? text.IndexOfAny(new[] { '\r', '\n', '\0', '\u001a' }) < 0
                    : text.IndexOfAny(new[] { '"', '\r', '\n', '\0', '\u001a' }) < 0;
                if (carriable)
                {
                    Assert.AreEqual(LinkResult.Ok, result, Show(text) + " " + rig.Link.LastError);
                    Assert.AreEqual(1, connects);
                    AssertStillInSync(rig);
                }
                else
                {
                    Assert.AreNotEqual(LinkResult.Ok, result, Show(text));
                    Assert.AreEqual(0, connects, "unquotable credentials must not reach the modem: " + Show(text));
                }
            }
        }

        [TestMethod]
        [DataRow("a\"b,c\\d+++")]
        [DataRow("pa\rss")]
        [DataRow("pa\u001ass")]
        [DataRow("pa\0ss")]
        public async Task JoinWifi_HostilePassword_IsEscapedForEspAtOrRefused(string password)
        {
            await using ModemLinkRig rig = await ModemLinkRig.StartAsync("esp-at", new SystemClock(), new RecordingLog(), wifiPassword: password);
            rig.Line.ClearWrites();
            LinkResult result = rig.Link.Connect(rig.Options("node-1", "user", "pw"));
            List<string> commands = CheckWrites(rig, null);
            int joins = commands.Count(c => c.StartsWith("AT+CWJAP=", StringComparison.Ordinal));
            if (password.IndexOfAny(new[] { '\r', '\n', '\0', '\u001a' }) < 0)
            {
                // The emulated access point compares the unescaped password: Ok proves the escaping is right.
                Assert.AreEqual(LinkResult.Ok, result, rig.Link.LastError);
                Assert.AreEqual(1, joins);
            }
            else
            {
                Assert.AreNotEqual(LinkResult.Ok, result);
                Assert.AreEqual(0, joins);
            }
        }

        private static async Task<ModemLinkRig> ConnectedRig(string kind)
        {
            ModemLinkRig rig = await ModemLinkRig.StartAsync(kind, new SystemClock(), new RecordingLog());
            Assert.AreEqual(LinkResult.Ok, rig.Link.Connect(rig.Options("node-1", "user", "pw")), rig.Link.LastError);
            return rig;
        }

        /// <summary>A benign publish after the hostile ones still goes through: the modem never lost the command stream.</summary>
        private static void AssertStillInSync(ModemLinkRig rig)
        {
            while (rig.Broker.NextPublish(50) != null)
            {
            }

            byte[] payload = Encoding.UTF8.GetBytes("{\"after\":true}");
            Assert.AreEqual(LinkResult.Ok, rig.Link.Publish("t/after", payload, 0, payload.Length, 1), rig.Link.LastError);
            ReceivedPublish received = rig.Broker.NextPublish();
            Assert.IsNotNull(received);
            Assert.AreEqual("t/after", received.Topic);
        }

        /// <summary>
        /// Every write is either the payload (exactly, in one piece), a lone Ctrl-Z or ESC that ends or cancels data
        /// mode, or one well-formed command line: "AT…" + the line ending, no other line break, no NUL, Ctrl-Z or
        /// ESC, balanced quotes (ESP-AT's \" escapes not counted). Returns the commands.
        /// </summary>
        private static List<string> CheckWrites(ModemLinkRig rig, byte[] payload)
        {
            string ending = rig.Channel.LineEnding;
            List<string> commands = new List<string>();
            foreach (byte[] write in rig.Line.Writes)
            {
                if ((payload != null && write.AsSpan().SequenceEqual(payload)) || (write.Length == 1 && (write[0] == 0x1A || write[0] == 0x1B)))
                {
                    continue;
                }

                string text = Encoding.UTF8.GetString(write);
                Assert.IsTrue(text.StartsWith("AT", StringComparison.Ordinal) && text.EndsWith(ending, StringComparison.Ordinal), "not a command line: " + Show(text));
                string body = text.Substring(0, text.Length - ending.Length);
                Assert.IsTrue(body.IndexOfAny(new[] { '\r', '\n', '\0', '\u001a', '\u001b' }) < 0, "control character inside a command: " + Show(text));
                int quotes = 0;
                for (int i = 0; i < body.Length; i++)
                {
                    if (rig.Kind == "esp-at" && body[i] == '\\')
                    {
                        i++;
                    }
                    else if (body[i] == '"')
                    {
                        quotes++;
                    }
                }

                Assert.AreEqual(0, quotes % 2, "unbalanced quotes: " + Show(text));
                commands.Add(body);
            }

            return commands;
        }

        private static List<string> Publishes(List<string> commands)
        {
            return commands.Where(c => c.StartsWith("AT+QMTPUB=", StringComparison.Ordinal) || c.StartsWith("AT+MQTTPUBRAW=", StringComparison.Ordinal)).ToList();
        }

        private static string Show(string text)
        {
            StringBuilder s = new StringBuilder();
            foreach (char c in text)
            {
                s.Append(c < 0x20 ? "\\x" + ((int)c).ToString("X2") : c.ToString());
            }

            return s.ToString();
        }
    }
}
