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
    /// Source: an ESP-AT module driven by the WiFiEspAT library, https://github.com/JAndrassy/WiFiEspAT/issues/116
    /// (log in the issue description). Recorded: ATE0 echoed, then OK; AT+CWJAP answered "WIFI DISCONNECT",
    /// "busy p...", "WIFI CONNECTED", "busy p...", "WIFI GOT IP", then OK.
    /// Adapted: the library's log shows lines only, so each is framed CR-LF (the echo as the command with its CR-LF);
    /// our SSID and password replace the issue's; the leading AT and AT+CWMODE=1 are our driver's (plain OK), the
    /// log's AT+RST, AT+CIPMUX, AT+CIPRECVMODE, AT+SYSSTORE and AT+CWMODE? are not sent by our driver.
    /// </summary>
    [TestClass]
    public class EspAtJoinBusyTranscriptTests
    {
        [TestMethod]
        public void JoinWifi_DisconnectAndBusyLinesBeforeGotIp_JoinedAndConnected()
        {
            SessionReplay replay = new SessionReplay();
            replay.Adapted("AT", "\r\nOK\r\n");
            replay.Logged("ATE0", "ATE0\r\n\r\nOK\r\n");
            replay.Adapted("AT+CWMODE=1", "\r\nOK\r\n");
            replay.Logged("AT+CWJAP=\"home\",\"secret12\"", "WIFI DISCONNECT\r\nbusy p...\r\nWIFI CONNECTED\r\nbusy p...\r\nWIFI GOT IP\r\n\r\nOK\r\n", 4000);
            EspAtModem modem = new EspAtModem(new AtChannel(replay.Line, replay.Clock, new RecordingLog()), new RecordingLog());

            bool started = modem.Start(10000);
            bool joined = modem.JoinWifi("home", "secret12");

            Assert.IsNull(replay.Mismatch, replay.Mismatch);
            Assert.IsTrue(started);
            Assert.IsTrue(joined, modem.LastError == null ? "no error" : modem.LastError.Message);
            Assert.IsTrue(modem.WifiConnected);
        }
    }
}
