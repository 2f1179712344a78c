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
    /// Source: ESP32-WROOM-32E with ESP-AT V3.2.0.0, https://github.com/espressif/esp-at/issues/804 (2024-01-27),
    /// "AT command port output". Recorded: AT+CWJAP answered "+CWJAP:1" then an empty line then ERROR (1: connection
    /// timeout), and on another try "+CWJAP:3" then ERROR (3: no AP found) — ESP-AT 2.x/3.x end a failed join with
    /// ERROR, not FAIL.
    /// Adapted: lines framed CR-LF; our SSID and password replace the issue's; AT, ATE0 and AT+CWMODE=1 before the
    /// join are our driver's (plain OK).
    /// </summary>
    [TestClass]
    public class EspAtJoinRefusedTranscriptTests
    {
        [TestMethod]
        [DataRow(1)]
        [DataRow(3)]
        public void JoinWifi_CwjapCodeThenError_FailsWithTheModulesCode(int code)
        {
            SessionReplay replay = new SessionReplay();
            replay.Adapted("AT", "\r\nOK\r\n").Adapted("ATE0", "\r\nOK\r\n").Adapted("AT+CWMODE=1", "\r\nOK\r\n");
            replay.Logged("AT+CWJAP=\"home\",\"secret12\"", "+CWJAP:" + code.ToString() + "\r\n\r\nERROR\r\n", 5000);
            EspAtModem modem = new EspAtModem(new AtChannel(replay.Line, replay.Clock, new RecordingLog()), new RecordingLog());

            bool started = modem.Start(10000);
            bool joined = modem.JoinWifi("home", "secret12");

            Assert.IsNull(replay.Mismatch, replay.Mismatch);
            Assert.IsTrue(started);
            Assert.IsFalse(joined);
            Assert.IsFalse(modem.WifiConnected);
            Assert.AreEqual((int)ModemErrorKind.EspError, (int)modem.LastError.Kind);
            Assert.AreEqual(code, modem.LastError.Code);
        }
    }
}
