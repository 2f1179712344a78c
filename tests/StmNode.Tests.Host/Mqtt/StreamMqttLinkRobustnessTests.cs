using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Mqtt
{
    /// <summary>
    /// Host-only: a connected link fed corrupted broker packets, with writes failing or the peer closing at random
    /// points, never throws and never waits longer than its timeouts allow.
    /// </summary>
    [TestClass]
    public class StreamMqttLinkRobustnessTests
    {
        private static readonly string[] Packets =
        {
            "32 06 00 01 63 00 07 7A", "30 03 00 01 63", "D0 00", "40 02 00 01", "90 03 00 01 80",
            "34 06 00 01 63 00 09 7A", "62 02 00 09"
        };

        [TestMethod]
        public void Operations_CorruptedInputAndDyingLine_NeverThrowAndStayBounded()
        {
            Random random = new Random(2);
            for (int run = 0; run < 5000; run++)
            {
                StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
                int packets = random.Next(1, 6);
                for (int k = 0; k < packets; k++)
                {
                    byte[] bytes = HexBytes.Parse(Packets[random.Next(Packets.Length)]);
                    if (random.Next(3) == 0)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    }

                    rig.Line.Enqueue(bytes);
                }

                if (random.Next(4) == 0)
                {
                    rig.Line.FailWritesFromCount = rig.Line.WriteCount + random.Next(3);
                }

                if (random.Next(4) == 0)
                {
                    rig.Line.Close();
                }

                long start = rig.Clock.UptimeMs;
                int operation = random.Next(3);
                if (operation == 0)
                {
                    rig.Link.Publish("t", new byte[3], 0, 3, 1);
                }
                else if (operation == 1)
                {
                    rig.Link.Subscribe("c/#", 1);
                }

                for (int poll = 0; poll < 5; poll++)
                {
                    rig.Link.Poll(100);
                }

                // Three PUBACK waits of 10 s and five polls: anything beyond is an unbounded wait.
                Assert.IsTrue(rig.Clock.UptimeMs - start <= 3 * 10000 + 5 * 100, "run " + run);
            }
        }
    }
}
