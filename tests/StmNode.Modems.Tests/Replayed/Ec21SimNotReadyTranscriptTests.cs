#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.At;
using StmNode.Modems;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Modems
{
    /// <summary>
    /// Source: a Quectel EC21-J (EC2x family, the EC20's sibling) on a Wio LTE board, second log in
    /// https://github.com/SeeedJP/WioLTEforArduino/issues/5 ("SIMを差し替えた直後…", 2017-11-20 comment).
    /// Recorded: "RDY" before the first AT; echo still on for AT and ATE0 (the log shows the echo line as ")" — the
    /// echoed command ends with its own CR before the CR-LF of the answer); AT+QURCCFG="urcport","uart1" OK; AT+CPIN?
    /// answered "+CME ERROR: 10" (SIM not inserted), then "+CFUN: 1" and "+CME ERROR: 10" again, then
    /// "+CME ERROR: 14" (SIM busy), then "+CPIN: READY" and OK, about 100 ms apart as the host retried.
    /// Adapted: lines framed CR-LF, the echo as the command plus CR; our driver adds AT+CMEE=1, AT+CEREG=1 and
    /// AT+CGREG=1 (plain OK) and does not send the log's AT+QSCLK=1.
    /// </summary>
    [TestClass]
    public class Ec21SimNotReadyTranscriptTests
    {
        [TestMethod]
        public void CheckSim_NotInsertedThenBusyThenReady_TypedCmeErrorsThenReady()
        {
            SessionReplay replay = new SessionReplay();
            replay.Unsolicited("\r\nRDY\r\n");
            replay.Logged("AT", "AT\r\r\nOK\r\n", 2);
            replay.Logged("ATE0", "ATE0\r\r\nOK\r\n", 2);
            replay.Adapted("AT+CMEE=1", "\r\nOK\r\n").Adapted("AT+CEREG=1", "\r\nOK\r\n");
            replay.Logged("AT+QURCCFG=\"urcport\",\"uart1\"", "\r\nOK\r\n", 9);
            replay.Adapted("AT+CGREG=1", "\r\nOK\r\n");
            replay.Logged("AT+CPIN?", "\r\n+CME ERROR: 10\r\n", 10);
            replay.Logged("AT+CPIN?", "\r\n+CFUN: 1\r\n\r\n+CME ERROR: 10\r\n", 18);
            replay.Logged("AT+CPIN?", "\r\n+CME ERROR: 14\r\n", 6);
            replay.Logged("AT+CPIN?", "\r\n+CPIN: READY\r\n\r\nOK\r\n", 3);
            AtChannel channel = new AtChannel(replay.Line, replay.Clock, new RecordingLog());
            QuectelModem modem = new QuectelModem(QuectelModel.Ec20, channel, new RecordingLog(), null, null);

            channel.Poll(100);
            bool on = modem.PowerOn();
            bool initialized = modem.Initialize();
            bool first = modem.CheckSim();
            ModemError notInserted = modem.LastError;
            bool second = modem.CheckSim();
            ModemError stillNotInserted = modem.LastError;
            bool third = modem.CheckSim();
            ModemError busy = modem.LastError;
            bool fourth = modem.CheckSim();

            Assert.IsNull(replay.Mismatch, replay.Mismatch);
            Assert.IsTrue(on);
            Assert.IsTrue(initialized);
            Assert.IsFalse(first);
            Assert.AreEqual((int)ModemErrorKind.CmeError, (int)notInserted.Kind);
            Assert.AreEqual(10, notInserted.Code);
            Assert.IsFalse(second);
            Assert.AreEqual(10, stillNotInserted.Code);
            Assert.IsFalse(third);
            Assert.AreEqual(14, busy.Code);
            Assert.IsTrue(fourth);
            Assert.IsTrue(modem.SimReady);
        }
    }
}
