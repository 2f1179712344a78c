#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Collections;
using System.Text;
using StmNode.At;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.At
{
    [TestClass]
    public class AtChannelDataTests
    {
        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(64)]
        public void SendData_QuectelPrompt_WritesPayloadAndCtrlZ(int chunkSize)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.ChunkSize = chunkSize;
            line.Expect("AT+QMTPUB=0,1,1,0,\"t\"", "\r\n> ");
            line.ExpectData("{\"a\":1}\u001A", "\r\nOK\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            byte[] payload = Encoding.UTF8.GetBytes("{\"a\":1}");

            AtReply reply = channel.SendData(new AtCommand("AT+QMTPUB=0,1,1,0,\"t\"", null, 1000), payload, 0, payload.Length, true, 1000);

            Assert.IsTrue(reply.IsOk);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void SendData_EspOkThenPrompt_WritesExactBytes()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+MQTTPUBRAW=0,\"t\",3,1,0", "\r\nOK\r\n\r\n>");
            line.ExpectData("a\r\n", "\r\n+MQTTPUB:OK\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            channel.LineEnding = "\r\n";
            AtCommand command = new AtCommand("AT+MQTTPUBRAW=0,\"t\",3,1,0", null, 15000);
            command.OkIsFinal = false;
            command.SuccessFinals = new string[] { "+MQTTPUB:OK" };
            command.FailureFinals = new string[] { "+MQTTPUB:FAIL" };
            byte[] payload = Encoding.UTF8.GetBytes("a\r\n");

            AtReply reply = channel.SendData(command, payload, 0, payload.Length, false, 1000);

            Assert.IsTrue(reply.IsOk);
            Assert.AreEqual("+MQTTPUB:OK", reply.Final);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void SendData_PromptMissing_CancelsWithEscAndNeverWritesPayload()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+QMTPUB=0,1,1,0,\"t\"", null);
            line.ExpectData(new byte[] { 0x1B }, null);
            line.Expect("AT", "\r\nOK\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            byte[] payload = Encoding.UTF8.GetBytes("AT+QPOWD=1\r");

            AtReply reply = channel.SendData(new AtCommand("AT+QMTPUB=0,1,1,0,\"t\"", null, 1000), payload, 0, payload.Length, true, 2000);

            Assert.AreEqual((int)AtStatus.Timeout, (int)reply.Status);
            Assert.IsTrue(line.Written.IndexOf("QPOWD") < 0);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void SendData_PromptDelayedWithinTimeout_Succeeds()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+QMTPUB=0,1,1,0,\"t\",2", "\r\n> ", 1500);
            line.ExpectData("hi", "\r\nOK\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            byte[] payload = Encoding.UTF8.GetBytes("hi");

            AtReply reply = channel.SendData(new AtCommand("AT+QMTPUB=0,1,1,0,\"t\",2", null, 1000), payload, 0, 2, false, 2000);

            Assert.IsTrue(reply.IsOk);
            Assert.AreEqual(1500L, clock.UptimeMs);
        }

        [TestMethod]
        public void SendData_ErrorInsteadOfPrompt_NoPayloadWritten()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+QMTPUB=0,1,1,0,\"t\"", "\r\n+CME ERROR: 50\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            byte[] payload = Encoding.UTF8.GetBytes("x");

            AtReply reply = channel.SendData(new AtCommand("AT+QMTPUB=0,1,1,0,\"t\"", null, 1000), payload, 0, 1, true, 1000);

            Assert.AreEqual((int)AtStatus.CmeError, (int)reply.Status);
            Assert.AreEqual(50, reply.Code);
            Assert.AreEqual("AT+QMTPUB=0,1,1,0,\"t\"\r", line.Written);
        }

        [TestMethod]
        public void SendData_UrcBeforePrompt_DispatchedNotTakenAsPrompt()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+QMTPUB=0,1,1,0,\"t\"", "\r\n+QMTRECV: 0,1,\"in\",\"x>y\"\r\n\r\n> ");
            line.ExpectData("p\u001A", "\r\nOK\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            ArrayList urcs = new ArrayList();
            channel.AddUrc("+QMTRECV:", delegate(string text) { urcs.Add(text); });
            byte[] payload = Encoding.UTF8.GetBytes("p");

            AtReply reply = channel.SendData(new AtCommand("AT+QMTPUB=0,1,1,0,\"t\"", null, 1000), payload, 0, 1, true, 1000);

            Assert.IsTrue(reply.IsOk);
            Assert.AreEqual(1, urcs.Count);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(4)]
        [DataRow(1000)]
        public void Poll_RawUrcWithLineBreaksInPayload_DeliveredWhole(int chunkSize)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.ChunkSize = chunkSize;
            line.Send("\r\n+MQTTSUBRECV:0,\"a,b\",7,x\r\nOK\r\n\r\n+MQTTDISCONNECTED:0\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            ArrayList raw = new ArrayList();
            ArrayList urcs = new ArrayList();
            channel.AddRawUrc("+MQTTSUBRECV:", delegate(string header)
            {
                int close = header.LastIndexOf('"');
                if (close < 0 || header.IndexOf('"') == close || header[header.Length - 1] != ',' || header.Length - 2 <= close)
                {
                    return AtLineFramer.NeedMore;
                }

                return int.Parse(header.Substring(close + 2, header.Length - close - 3));
            }, delegate(string header, byte[] data, int offset, int count) { raw.Add(header + Encoding.UTF8.GetString(data, offset, count)); });
            channel.AddUrc("+MQTTDISCONNECTED:", delegate(string text) { urcs.Add(text); });

            for (int i = 0; i < 100 && urcs.Count == 0; i++)
            {
                channel.Poll(10);
            }

            Assert.AreEqual(1, raw.Count);
            Assert.AreEqual("+MQTTSUBRECV:0,\"a,b\",7,x\r\nOK\r\n", (string)raw[0]);
            Assert.AreEqual(1, urcs.Count);
        }

        [TestMethod]
        public void Transparent_LeftoverBytesThenLeave_GuardTimesAndPlusPlusPlus()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.ExpectRaw("AT+QIOPEN=1,0,\"TCP\",\"h\",1883,0,2", HexBytes.Concat(HexBytes.Utf8("\r\nCONNECT\r\n"), HexBytes.Parse("20 02 00 00")));
            line.ExpectData("+++", "\r\nOK\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            AtCommand open = new AtCommand("AT+QIOPEN=1,0,\"TCP\",\"h\",1883,0,2", null, 150000);
            open.SuccessFinals = new string[] { "CONNECT" };

            AtReply reply = channel.Send(open);
            channel.EnterTransparent();
            byte[] buffer = new byte[16];
            int n = channel.ReadRaw(buffer, 0, buffer.Length, 100);
            long before = clock.SleptMs;
            bool left = channel.LeaveTransparent(1000, true);

            Assert.IsTrue(reply.IsOk);
            Assert.AreEqual(4, n);
            Assert.AreEqual((byte)0x20, buffer[0]);
            Assert.AreEqual((byte)0x02, buffer[1]);
            Assert.IsTrue(left);
            Assert.AreEqual(2000L, clock.SleptMs - before);
            Assert.IsFalse(channel.IsTransparent);
            Assert.IsNull(line.Failure);
        }
    }
}
