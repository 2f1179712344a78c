using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.At;
using StmNode.Modems;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Modems
{
    /// <summary>
    /// .NET only (the allocation counter has no nanoFramework counterpart): pins the garbage of one EC20 publish
    /// through the AT channel (command line, prompt, OK, +QMTPUB result), so a change that goes back to encoding the
    /// command line per call, upper-casing traced lines, copying trace entries or decoding lines through a char array
    /// fails here. Measured on .NET 10 x64.
    /// </summary>
    [TestClass]
    public class QuectelPublishAllocationTests
    {
        // What is left (688 B here; about 2.4 KB before the reused command buffer, trace and decoding changes): the
        // command and result-prefix strings, the AtCommand, three replies (prompt, OK, result) with the result's line
        // list, and the decoded +QMTPUB line.
        private const long MaxPublishBytes = 688;

        [TestMethod]
        public void Ec20PublishQos1_WarmedUp_AllocatesAtMostPinnedBytes()
        {
            ManualClock clock = new ManualClock();
            InstantEc20 line = new InstantEc20();
            RecordingLog log = new RecordingLog();
            log.MinimumLevel = LogLevel.None;
            AtChannel channel = new AtChannel(line, clock, log);
            QuectelMqtt mqtt = new QuectelMqtt(new QuectelModem(QuectelModel.Ec20, channel, log, null, null));
            string topic = "$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/properties/report";
            byte[] payload = Encoding.ASCII.GetBytes("{\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"DHT11_T\":18,\"DHT11_H\":80,\"MQ2\":1,\"water\":1,\"flame\":1,\"light\":0,\"LED1\":0,\"LED2\":1,\"LED3\":0}}]}");
            for (int i = 1; i <= 10; i++)
            {
                Assert.IsTrue(mqtt.Publish(topic, payload, 0, payload.Length, 1, i), mqtt.LastError == null ? "" : mqtt.LastError.Message);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            int ok = 0;
            for (int i = 11; i <= 110; i++)
            {
                ok += mqtt.Publish(topic, payload, 0, payload.Length, 1, i) ? 1 : 0;
            }

            long perPublish = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;

            Assert.AreEqual(100, ok);
            Assert.AreEqual(110 * payload.Length, line.PayloadBytes);
            Assert.IsTrue(perPublish <= MaxPublishBytes, "publish: " + perPublish + " B");
        }

        /// <summary>
        /// An EC20 answering at once without allocating: AT+QMTPUB gets the prompt, its payload OK and
        /// +QMTPUB: 0,&lt;mid&gt;,0; anything else OK.
        /// </summary>
        private sealed class InstantEc20 : IByteStream
        {
            private static readonly byte[] Ok = Encoding.ASCII.GetBytes("\r\nOK\r\n");
            private static readonly byte[] Prompt = Encoding.ASCII.GetBytes("\r\n> ");
            private static readonly byte[] PubPrefix = Encoding.ASCII.GetBytes("\r\n+QMTPUB: 0,");
            private static readonly byte[] PubSuffix = Encoding.ASCII.GetBytes(",0\r\n");
            private static readonly byte[] QmtPub = Encoding.ASCII.GetBytes("AT+QMTPUB=");
            private readonly byte[] _command = new byte[512];
            private readonly byte[] _out = new byte[1024];
            private int _commandLength;
            private int _payloadLeft;
            private int _mid;
            private int _outStart;
            private int _outEnd;

            public long PayloadBytes { get; private set; }

            public int Read(byte[] buffer, int offset, int count, int timeoutMs)
            {
                int n = Math.Min(count, _outEnd - _outStart);
                Array.Copy(_out, _outStart, buffer, offset, n);
                _outStart += n;
                if (_outStart == _outEnd)
                {
                    _outStart = 0;
                    _outEnd = 0;
                }

                return n;
            }

            public bool Write(byte[] buffer, int offset, int count)
            {
                for (int i = offset; i < offset + count; i++)
                {
                    byte b = buffer[i];
                    if (_payloadLeft > 0)
                    {
                        PayloadBytes++;
                        if (--_payloadLeft == 0)
                        {
                            Queue(Ok);
                            Queue(PubPrefix);
                            QueueNumber(_mid);
                            Queue(PubSuffix);
                        }
                    }
                    else if (b == '\r')
                    {
                        Command();
                        _commandLength = 0;
                    }
                    else if (_commandLength < _command.Length)
                    {
                        _command[_commandLength++] = b;
                    }
                }

                return true;
            }

            private void Command()
            {
                bool publish = _commandLength >= QmtPub.Length;
                for (int i = 0; publish && i < QmtPub.Length; i++)
                {
                    publish = _command[i] == QmtPub[i];
                }

                if (!publish)
                {
                    Queue(Ok);
                    return;
                }

                // AT+QMTPUB=<idx>,<mid>,<qos>,<retain>,"<topic>",<len>: mid is the 2nd field, len the last.
                _mid = Number(Array.IndexOf(_command, (byte)',', 0, _commandLength) + 1);
                _payloadLeft = Number(Array.LastIndexOf(_command, (byte)',', _commandLength - 1) + 1);
                Queue(Prompt);
            }

            private int Number(int start)
            {
                int value = 0;
                for (int i = start; i < _commandLength && _command[i] >= '0' && _command[i] <= '9'; i++)
                {
                    value = value * 10 + (_command[i] - '0');
                }

                return value;
            }

            private void Queue(byte[] bytes)
            {
                Array.Copy(bytes, 0, _out, _outEnd, bytes.Length);
                _outEnd += bytes.Length;
            }

            private void QueueNumber(int value)
            {
                int digits = 1;
                for (int v = value; v >= 10; v /= 10)
                {
                    digits++;
                }

                for (int i = digits - 1; i >= 0; i--)
                {
                    _out[_outEnd + i] = (byte)('0' + value % 10);
                    value /= 10;
                }

                _outEnd += digits;
            }
        }
    }
}
