#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Modems;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Modems
{
    /// <summary>
    /// Source: a Quectel EC21-J (EC2x family) on a Wio LTE board that rebooted on a weak supply, first log ("エラー時ログ")
    /// in https://github.com/SeeedJP/WioLTEforArduino/issues/5 (2017-10-30).
    /// Recorded: after "+CPIN: READY" OK, the next command is answered by "+CPIN: READY", "+QUSIM: 1",
    /// "+QIND: SMS DONE", "RDY", "+CFUN: 1", "+CPIN: READY", "+QUSIM: 1", "+QIND: SMS DONE", "+QIND: PB DONE" (the module
    /// rebooted), then the echo of the command (echo is back on after the reboot) and its answer; later
    /// AT+QICSGP=1,1,"soracom.io","sora","sora",1 OK, "+CEREG: 0,1" OK, and AT+QIACT=1 answered by ERROR.
    /// Adapted: lines framed CR-LF, echo as the command plus CR. In the log the reboot hit AT+CGREG?; our driver sends
    /// AT+QICSGP at that point (it sets the APN before waiting for registration), so the reboot lines, the echo and the
    /// log's QICSGP answer follow our AT+QICSGP. The start-up lines of our driver (AT, ATE0, AT+CMEE=1, AT+CEREG=1,
    /// AT+QURCCFG, AT+CGREG=1) and AT+QIACT? (no context active: plain OK) are not in the log; after the reboot our
    /// driver's AT and ATE0 are echoed, as the log shows echo on after a reboot.
    /// </summary>
    [TestClass]
    public class Ec21RebootMidBringUpTranscriptTests
    {
        private const string Apn = "AT+QICSGP=1,1,\"soracom.io\",\"sora\",\"sora\",1";

        private static void StartUp(SessionReplay replay, bool echo)
        {
            replay.Adapted("AT", echo ? "AT\r\r\nOK\r\n" : "\r\nOK\r\n").Adapted("ATE0", echo ? "ATE0\r\r\nOK\r\n" : "\r\nOK\r\n");
            replay.Adapted("AT+CMEE=1", "\r\nOK\r\n").Adapted("AT+CEREG=1", "\r\nOK\r\n");
            replay.Adapted("AT+QURCCFG=\"urcport\",\"uart1\"", "\r\nOK\r\n").Adapted("AT+CGREG=1", "\r\nOK\r\n");
            replay.Logged("AT+CPIN?", "\r\n+CPIN: READY\r\n\r\nOK\r\n");
        }

        [TestMethod]
        public void Connect_ModemRebootsDuringBringUp_FailsThenRedoesStartUpAndReportsQiactError()
        {
            SessionReplay replay = new SessionReplay();
            StartUp(replay, false);
            replay.Logged(Apn, "\r\n+CPIN: READY\r\n\r\n+QUSIM: 1\r\n\r\n+QIND: SMS DONE\r\n\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n"
                + "\r\n+QUSIM: 1\r\n\r\n+QIND: SMS DONE\r\n\r\n+QIND: PB DONE\r\n" + Apn + "\r\r\nOK\r\n");
            StartUp(replay, true);
            replay.Logged(Apn, "\r\nOK\r\n");
            replay.Logged("AT+CEREG?", "\r\n+CEREG: 0,1\r\n\r\nOK\r\n");
            replay.Adapted("AT+QIACT?", "\r\nOK\r\n");
            replay.Logged("AT+QIACT=1", "\r\nERROR\r\n");
            QuectelModem modem = QuectelScripts.Modem(replay.Line, replay.Clock, true);
            QuectelMqttLink link = new QuectelMqttLink(modem);
            link.Apn = "soracom.io";
            link.ApnUser = "sora";
            link.ApnPassword = "sora";

            LinkResult first = link.Connect(QuectelScripts.Options());
            bool redoAfterReboot = modem.NeedsInit;
            LinkResult second = link.Connect(QuectelScripts.Options());

            Assert.IsNull(replay.Mismatch, replay.Mismatch);
            Assert.AreNotEqual((int)LinkResult.Ok, (int)first);
            Assert.IsTrue(redoAfterReboot);
            Assert.AreNotEqual((int)LinkResult.Ok, (int)second);
            Assert.IsTrue(link.LastError.IndexOf("AT+QIACT=1") >= 0, link.LastError);
            Assert.IsFalse(link.IsConnected);
        }
    }
}
