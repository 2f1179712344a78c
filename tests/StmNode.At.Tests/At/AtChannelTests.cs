#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Collections;
using StmNode.At;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.At
{
    [TestClass]
    public class AtChannelTests
    {
        [TestMethod]
        public void Send_OkWithInformationLine_ReturnsOkAndLine()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CSQ", "\r\n+CSQ: 22,0\r\n\r\nOK\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());

            AtReply reply = channel.Send("AT+CSQ", "+CSQ:", 300);

            Assert.AreEqual((int)AtStatus.Ok, (int)reply.Status);
            Assert.AreEqual("22,0", reply.Find("+CSQ:"));
            Assert.AreEqual(1, reply.LineCount);
            Assert.AreEqual("AT+CSQ\r", line.Written);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(5)]
        [DataRow(7)]
        [DataRow(11)]
        public void Send_ReplySplitIntoChunks_SameLinesAndUrcs(int chunkSize)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.ChunkSize = chunkSize;
            line.Expect("AT+CGSN", "AT+CGSN\r\r\n866425030000000\r\n\r\n+CEREG: 1\r\n\r\nOK\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            ArrayList urcs = new ArrayList();
            channel.AddUrc("+CEREG:", delegate(string text) { urcs.Add(text); });

            AtReply reply = channel.Send("AT+CGSN", null, 300);

            Assert.AreEqual((int)AtStatus.Ok, (int)reply.Status);
            Assert.AreEqual(1, reply.LineCount);
            Assert.AreEqual("866425030000000", reply.Line(0));
            Assert.AreEqual(1, urcs.Count);
            Assert.AreEqual("+CEREG: 1", (string)urcs[0]);
        }

        [TestMethod]
        public void Send_ReplyAndFollowingUrcMerged_UrcKeptForPoll()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+QMTOPEN=0,\"h\",1883", "\r\nOK\r\n\r\n+QMTSTAT: 0,1\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            ArrayList urcs = new ArrayList();
            channel.AddUrc("+QMTSTAT:", delegate(string text) { urcs.Add(text); });

            AtReply reply = channel.Send("AT+QMTOPEN=0,\"h\",1883", "+QMTOPEN:", 300);
            int beforePoll = urcs.Count;
            channel.Poll(0);

            Assert.IsTrue(reply.IsOk);
            Assert.AreEqual(0, beforePoll);
            Assert.AreEqual(1, urcs.Count);
        }

        [TestMethod]
        [DataRow("ERROR", 1, -1)]
        [DataRow("+CME ERROR: 10", 2, 10)]
        [DataRow("+CMS ERROR: 500", 3, 500)]
        [DataRow("+CME ERROR: SIM not inserted", 2, -1)]
        public void Send_ErrorFinal_TypedStatusAndCode(string final, int status, int code)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CPIN?", "\r\n" + final + "\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());

            AtReply reply = channel.Send("AT+CPIN?", "+CPIN:", 5000);

            Assert.AreEqual(status, (int)reply.Status);
            Assert.AreEqual(code, reply.Code);
            Assert.AreEqual(final, reply.Final);
        }

        [TestMethod]
        [DataRow("SEND OK", 0)]
        [DataRow("SEND FAIL", 4)]
        public void Send_DriverFinals_EndCommand(string final, int status)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+X", "\r\nOK\r\n\r\n" + final + "\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            AtCommand command = new AtCommand("AT+X", null, 1000);
            command.OkIsFinal = false;
            command.SuccessFinals = new string[] { "SEND OK" };
            command.FailureFinals = new string[] { "SEND FAIL" };

            AtReply reply = channel.Send(command);

            Assert.AreEqual(status, (int)reply.Status);
            Assert.AreEqual(final, reply.Final);
        }

        [TestMethod]
        public void Send_UrcPrefixExpectedByCommand_RoutedToCommand()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CEREG?", "\r\n+CEREG: 2,5\r\n\r\n+CEREG: 1\r\n\r\nOK\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            ArrayList urcs = new ArrayList();
            channel.AddUrc("+CEREG:", delegate(string text) { urcs.Add(text); });

            AtReply reply = channel.Send("AT+CEREG?", "+CEREG:", 300);

            Assert.AreEqual(2, reply.LineCount);
            Assert.AreEqual(0, urcs.Count);
        }

        [TestMethod]
        public void Send_SilentModem_TimesOutThenResyncs()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CSQ", null).Expect("AT", null).Expect("AT", "\r\nOK\r\n");
            RecordingLog log = new RecordingLog();
            AtChannel channel = new AtChannel(line, clock, log);

            AtReply reply = channel.Send("AT+CSQ", "+CSQ:", 300);

            Assert.AreEqual((int)AtStatus.Timeout, (int)reply.Status);
            Assert.AreEqual(1400L, clock.UptimeMs);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
            Assert.IsTrue(log.Contains("timeout on AT+CSQ"));
        }

        [TestMethod]
        public void Resync_DeadModem_GivesUpAfterThreeTries()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT", null).Expect("AT", null).Expect("AT", null);
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());

            bool answered = channel.Resync();

            Assert.IsFalse(answered);
            Assert.AreEqual(2100L, clock.UptimeMs);
            Assert.AreEqual(0, line.Unmet);
        }

        [TestMethod]
        public void Send_GarbageBeforeReply_StillParsed()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Send(new byte[] { 0x00, 0xFF, 0xFE, 0x80, 0x13, 0x0D, 0x0A, 0xC3, 0x28, 0x0A });
            line.Expect("AT", "\r\nOK\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());

            AtReply reply = channel.Send("AT", null, 300);

            Assert.IsTrue(reply.IsOk);
            Assert.AreEqual(2, reply.LineCount);
        }

        [TestMethod]
        public void Send_OverlongGarbageLine_DroppedAndReplyParsed()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            byte[] noise = new byte[5000];
            for (int i = 0; i < noise.Length; i++)
            {
                noise[i] = (byte)('A' + (i % 26));
            }

            line.Send(noise);
            line.Expect("AT", "\r\nOK\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());

            AtReply reply = channel.Send("AT", null, 300);

            Assert.IsTrue(reply.IsOk);
            Assert.AreEqual(0, reply.LineCount);
            Assert.AreEqual(1, channel.DroppedLines);
        }

        [TestMethod]
        public void Send_UrcStormBeforeReply_AllDispatchedAndReplyOk()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.ChunkSize = 13;
            string storm = string.Empty;
            for (int i = 0; i < 200; i++)
            {
                storm += "\r\n+CEREG: " + (i % 6).ToString() + "\r\n";
            }

            line.Expect("AT+CSQ", storm + "\r\n+CSQ: 10,99\r\n\r\nOK\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            ArrayList urcs = new ArrayList();
            channel.AddUrc("+CEREG:", delegate(string text) { urcs.Add(text); });

            AtReply reply = channel.Send("AT+CSQ", "+CSQ:", 300);

            Assert.IsTrue(reply.IsOk);
            Assert.AreEqual("10,99", reply.Find("+CSQ:"));
            Assert.AreEqual(200, urcs.Count);
        }

        [TestMethod]
        public void Poll_Idle_DispatchesUrcAndReturns()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.SendAt(40, "\r\n+QMTSTAT: 0,2\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            ArrayList urcs = new ArrayList();
            channel.AddUrc("+QMTSTAT:", delegate(string text) { urcs.Add(text); });

            channel.Poll(100);

            Assert.AreEqual(1, urcs.Count);
            Assert.AreEqual(40L, clock.UptimeMs);
        }

        [TestMethod]
        public void Poll_NothingArrives_WaitsTimeoutAndIgnoresStrayFinal()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Send("\r\nOK\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());

            channel.Poll(0);
            channel.Poll(250);

            Assert.AreEqual(250L, clock.UptimeMs);
        }

        [TestMethod]
        public void Expect_ResultUrcLater_ReturnsIt()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+QMTOPEN=0,\"h\",1", "\r\nOK\r\n").Then(3000, "\r\n+CEREG: 1\r\n\r\n+QMTOPEN: 0,0\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            ArrayList urcs = new ArrayList();
            channel.AddUrc("+CEREG:", delegate(string text) { urcs.Add(text); });

            AtReply ok = channel.Send("AT+QMTOPEN=0,\"h\",1", "+QMTOPEN:", 300);
            AtReply result = channel.Expect("+QMTOPEN:", 75000);

            Assert.IsTrue(ok.IsOk);
            Assert.IsTrue(result.IsOk);
            Assert.AreEqual("0,0", result.Find("+QMTOPEN:"));
            Assert.AreEqual(1, urcs.Count);
            Assert.AreEqual(3000L, clock.UptimeMs);
        }

        [TestMethod]
        public void Expect_NeverArrives_TimesOutWithoutResync()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());

            AtReply result = channel.Expect("+QMTCONN:", 10000);

            Assert.AreEqual((int)AtStatus.Timeout, (int)result.Status);
            Assert.AreEqual(10000L, clock.UptimeMs);
            Assert.AreEqual(string.Empty, line.Written);
        }

        [TestMethod]
        public void Send_RebootUrcAborts_PendingCommandAborted()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CSQ", "\r\nRDY\r\n");
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            channel.AddUrc("RDY", delegate(string text) { channel.Abort("modem rebooted"); });

            AtReply reply = channel.Send("AT+CSQ", "+CSQ:", 300);

            Assert.AreEqual((int)AtStatus.Aborted, (int)reply.Status);
            Assert.AreEqual("aborted: modem rebooted", reply.Describe());
            Assert.AreEqual(0L, clock.UptimeMs);
        }

        [TestMethod]
        public void Send_WriteFails_LineFailed()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.WriteFails = true;
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());

            AtReply reply = channel.Send("AT", null, 300);

            Assert.AreEqual((int)AtStatus.LineFailed, (int)reply.Status);
        }

        [TestMethod]
        public void Send_LineClosed_LineFailedWithoutWaiting()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT", null);
            line.Closed = false;
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            line.Closed = true;

            AtReply reply = channel.Send("AT", null, 300);

            Assert.AreEqual((int)AtStatus.LineFailed, (int)reply.Status);
            Assert.AreEqual(0L, clock.UptimeMs);
        }

        [TestMethod]
        public void Poll_HandlerThrows_ExceptionContainedAndLogged()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Send("\r\n+X: 1\r\n");
            RecordingLog log = new RecordingLog();
            AtChannel channel = new AtChannel(line, clock, log);
            channel.AddUrc("+X:", delegate(string text) { throw new System.InvalidOperationException("boom"); });

            channel.Poll(10);

            Assert.IsTrue(log.Contains("URC handler failed: boom"));
        }

        [TestMethod]
        public void Trace_CommandWithPassword_Masked()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+QMTCONN=0,\"dev\",\"user\",\"s3cret\"", "AT+QMTCONN=0,\"dev\",\"user\",\"s3cret\"\r\r\nOK\r\n");
            RecordingLog log = new RecordingLog();
            AtChannel channel = new AtChannel(line, clock, log);

            channel.Send("AT+QMTCONN=0,\"dev\",\"user\",\"s3cret\"", "+QMTCONN:", 300);

            string dump = channel.Trace.Dump();
            Assert.IsTrue(dump.IndexOf("s3cret") < 0);
            Assert.IsFalse(log.Contains("s3cret"));
            Assert.IsTrue(dump.IndexOf("> AT+QMTCONN=0,\"dev\",\"user\",\"***\"") >= 0);
            Assert.IsTrue(dump.IndexOf("< OK") >= 0);
        }
    }
}
