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
    /// Source: Quectel BC26 AT Commands Manual V1.1 (2018-10-24), §5.1.2 "Automatic Network Attachment State Report
    /// via URC"; PDF in github.com/bingoiot/EV-NBIOT-BC26-Workspace at d721a6e3d1ab110d1736486471034f8bb15b4bb2,
    /// "BC26_OpenCPU_SDK_V1.4/docs/01 AT/Quectel_BC26_AT_Commands_Manual_V1.1.pdf".
    /// Recorded: AT+CEREG=1 OK, then the URCs "+CEREG:2" (searching), "+CSCON:1", "+CEREG:1" (registered), each
    /// without a space after the colon, then AT+CESQ and "+CGATT:1".
    /// Adapted: lines framed CR-LF (the manual shows lines only); our driver adds ATE0, AT+CMEE=1, AT+QSCLK=0 (plain OK)
    /// and does not send the log's AT+CSCON=1 or AT+QENG=0, so "+CSCON:1" arrives as a URC nobody asked for.
    /// </summary>
    [TestClass]
    public class Bc26RegistrationUrcTranscriptTests
    {
        [TestMethod]
        public void Poll_UnspacedCeregUrcs_RegistrationFollowsSearchingThenHome()
        {
            SessionReplay replay = new SessionReplay();
            replay.Adapted("ATE0", "\r\nOK\r\n").Adapted("AT+CMEE=1", "\r\nOK\r\n");
            replay.Logged("AT+CEREG=1", "\r\nOK\r\n");
            replay.Adapted("AT+QSCLK=0", "\r\nOK\r\n");
            replay.Logged("AT+CESQ", "\r\n+CESQ: 36,99,255,255,12,53\r\n\r\nOK\r\n");
            replay.Logged("AT+CGATT?", "\r\n+CGATT:1\r\n\r\nOK\r\n");
            AtChannel channel = new AtChannel(replay.Line, replay.Clock, new RecordingLog());
            QuectelModem modem = new QuectelModem(QuectelModel.Bc26, channel, new RecordingLog(), null, null);

            bool initialized = modem.Initialize();
            replay.Unsolicited("\r\n+CEREG:2\r\n");
            channel.Poll(100);
            RegistrationState searching = modem.Registration;
            replay.Unsolicited("\r\n+CSCON:1\r\n\r\n+CEREG:1\r\n");
            channel.Poll(100);
            RegistrationState registered = modem.Registration;
            int rsrq;
            int rsrp;
            bool signal = modem.ReadExtendedSignal(out rsrq, out rsrp);
            bool attached = modem.ActivatePdp();

            Assert.IsNull(replay.Mismatch, replay.Mismatch);
            Assert.IsTrue(initialized);
            Assert.AreEqual((int)RegistrationState.Searching, (int)searching);
            Assert.AreEqual((int)RegistrationState.Home, (int)registered);
            Assert.IsTrue(signal);
            Assert.AreEqual(53, rsrp);
            Assert.IsTrue(attached);
        }
    }
}
