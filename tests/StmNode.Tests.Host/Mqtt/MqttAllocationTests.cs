using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Mqtt;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Mqtt
{
    /// <summary>
    /// .NET only (the allocation counter has no nanoFramework counterpart): publishing must not allocate in steady
    /// state, so a node reporting every few seconds never feeds the device's garbage collector.
    /// </summary>
    [TestClass]
    public class MqttAllocationTests
    {
        [TestMethod]
        public void EncoderPublish_AfterWarmUp_AllocatesNothing()
        {
            byte[] buffer = new byte[512];
            byte[] payload = new byte[200];
            string topic = "$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/properties/report";
            MqttError error;
            MqttEncoder.Publish(buffer, 0, topic, payload, 0, payload.Length, 1, false, false, 1, out error);

            long before = GC.GetAllocatedBytesForCurrentThread();
            int total = 0;
            for (int i = 1; i <= 1000; i++)
            {
                total += MqttEncoder.Publish(buffer, 0, topic, payload, 0, payload.Length, 1, false, false, i, out error);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(1000 * 277, total);
            Assert.AreEqual(0L, allocated);
        }

        [TestMethod]
        public void LinkPublishQos0AndQos1_AfterWarmUp_AllocatesNothing()
        {
            ManualClock clock = new ManualClock();
            AckingLine line = new AckingLine();
            SingleLineConnector connector = new SingleLineConnector(line);
            RecordingLog log = new RecordingLog();
            log.MinimumLevel = LogLevel.None;
            StreamMqttLink link = new StreamMqttLink(connector, clock, log, "tcp", 512);
            MqttConnectOptions options = new MqttConnectOptions();
            options.Host = "broker.test";
            options.ClientId = "node";
            Assert.AreEqual(LinkResult.Ok, link.Connect(options));
            string topic = "$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/properties/report";
            byte[] payload = new byte[138];
            for (int i = 0; i < 10; i++)
            {
                link.Publish(topic, payload, 0, payload.Length, 0);
                link.Publish(topic, payload, 0, payload.Length, 1);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            int ok = 0;
            for (int i = 0; i < 500; i++)
            {
                ok += link.Publish(topic, payload, 0, payload.Length, 0) == LinkResult.Ok ? 1 : 0;
                ok += link.Publish(topic, payload, 0, payload.Length, 1) == LinkResult.Ok ? 1 : 0;
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(1000, ok);
            Assert.AreEqual(510, line.PubAcksSent);
            Assert.AreEqual(0L, allocated);
        }

        /// <summary>A broker in one preallocated buffer: CONNACK first, then a PUBACK for every QoS 1 PUBLISH.</summary>
        private sealed class AckingLine : IByteStream
        {
            private readonly byte[] _reply = new byte[4];
            private int _replyCount;

            public int PubAcksSent { get; private set; }

            public int Read(byte[] buffer, int offset, int count, int timeoutMs)
            {
                int n = Math.Min(count, _replyCount);
                Array.Copy(_reply, 0, buffer, offset, n);
                _replyCount = 0;
                return n;
            }

            public bool Write(byte[] buffer, int offset, int count)
            {
                int first = buffer[offset];
                if (first == 0x10)
                {
                    Set(0x20, 0x02, 0x00, 0x00);
                }
                else if (first == 0x32)
                {
                    // Skip the remaining-length varint and the topic to reach the packet id.
                    int p = offset + 1;
                    while ((buffer[p] & 0x80) != 0)
                    {
                        p++;
                    }

                    p++;
                    p += 2 + ((buffer[p] << 8) | buffer[p + 1]);
                    Set(0x40, 0x02, buffer[p], buffer[p + 1]);
                    PubAcksSent++;
                }

                return true;
            }

            private void Set(byte a, byte b, byte c, byte d)
            {
                _reply[0] = a;
                _reply[1] = b;
                _reply[2] = c;
                _reply[3] = d;
                _replyCount = 4;
            }
        }

        private sealed class SingleLineConnector : IStreamConnector
        {
            private readonly IByteStream _line;

            public SingleLineConnector(IByteStream line)
            {
                _line = line;
            }

            public string LastError
            {
                get { return null; }
            }

            public IByteStream Open(string host, int port, bool useTls, int timeoutMs)
            {
                return _line;
            }

            public void Close(IByteStream stream)
            {
            }
        }
    }
}
