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
    /// Source: Quectel BC26 AT Commands Manual V1.1 (2018-10-24), §5.1.1 "Manual Query of Network Attachment State",
    /// with the answers of §3.x examples where our driver asks what that session does not (AT+CEREG=1, AT+CPIN?).
    /// PDF in github.com/bingoiot/EV-NBIOT-BC26-Workspace at d721a6e3d1ab110d1736486471034f8bb15b4bb2,
    /// "BC26_OpenCPU_SDK_V1.4/docs/01 AT/Quectel_BC26_AT_Commands_Manual_V1.1.pdf".
    /// Recorded: the MT2625 boot log ending "Leaving the BROM", auto-baud (two ATs unanswered, the third gets OK),
    /// AT+QCGDEFCONT OK, "+CEREG:0,1" and "+CGATT:1" without a space after the colon, "+CESQ: 36,99,255,255,12,53".
    /// Adapted: the manual shows lines only, so every line is framed CR-LF as its §1 syntax describes; our driver adds
    /// ATE0, AT+CMEE=1, AT+QSCLK=0 and, once synchronised, one more AT (plain OK); it does not send the log's AT+QRST=1, AT+CFUN?, AT+CIMI, AT+QENG=0.
    /// </summary>
    [TestClass]
    public class Bc26NetworkAttachTranscriptTests
    {
        private const string BootLog = "\r\nF1: 0000 0000\r\nV0: 0000 0000 [0001]\r\n00: 0006 000C\r\n01: 0000 0000\r\n"
            + "U0: 0000 0001 [0000]\r\nT0: 0000 00B4\r\nLeaving the BROM\r\n";

        [TestMethod]
        public void BringUpBearer_BootLogAutoBaudAndUnspacedAnswers_RegisteredAttachedWithSignal()
        {
            SessionReplay replay = new SessionReplay();
            replay.Unsolicited(BootLog);
            replay.Logged("AT", null).Logged("AT", null).Logged("AT", "\r\nOK\r\n");

            // The third AT was the channel's resynchronisation after the second timed out; WaitStartup asks once more.
            replay.Adapted("AT", "\r\nOK\r\n");
            replay.Adapted("ATE0", "\r\nOK\r\n").Adapted("AT+CMEE=1", "\r\nOK\r\n");
            replay.Logged("AT+CEREG=1", "\r\nOK\r\n");
            replay.Adapted("AT+QSCLK=0", "\r\nOK\r\n");
            replay.Logged("AT+CPIN?", "\r\n+CPIN: READY\r\n\r\nOK\r\n");
            replay.Logged("AT+QCGDEFCONT=\"IP\",\"spe.inetd.vodafone.nbiot\"", "\r\nOK\r\n");
            replay.Logged("AT+CEREG?", "\r\n+CEREG:0,1\r\n\r\nOK\r\n");
            replay.Logged("AT+CGATT?", "\r\n+CGATT:1\r\n\r\nOK\r\n");
            replay.Logged("AT+CESQ", "\r\n+CESQ: 36,99,255,255,12,53\r\n\r\nOK\r\n");
            QuectelModem modem = new QuectelModem(QuectelModel.Bc26, new AtChannel(replay.Line, replay.Clock, new RecordingLog()), new RecordingLog(), null, null);

            bool up = modem.BringUpBearer("spe.inetd.vodafone.nbiot", null, null, 60000);
            int rsrq;
            int rsrp;
            bool signal = modem.ReadExtendedSignal(out rsrq, out rsrp);

            Assert.IsNull(replay.Mismatch, replay.Mismatch);
            Assert.IsTrue(up, modem.LastError == null ? "no error" : modem.LastError.Message);
            Assert.AreEqual((int)RegistrationState.Home, (int)modem.Registration);
            Assert.IsTrue(modem.SimReady);
            Assert.IsFalse(modem.NeedsInit);
            Assert.IsTrue(signal);
            Assert.AreEqual(12, rsrq);
            Assert.AreEqual(53, rsrp);
        }
    }
}
