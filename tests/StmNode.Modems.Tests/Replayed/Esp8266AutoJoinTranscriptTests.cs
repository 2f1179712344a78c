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
    /// Source: an ESP8266 running Espressif's AT firmware, driven by EnviroDIY ModularSensors,
    /// https://github.com/EnviroDIY/ModularSensors/issues/448 (2023-07-08 log). Recorded: AT echoed then OK, ATE0
    /// echoed then OK, AT+CWMODE=1 OK; the module then rejoins the stored access point on its own: "WIFI CONNECTED",
    /// about 0.6 s later "WIFI GOT IP".
    /// Adapted: lines framed CR-LF (the echo as the command with its CR-LF); the log's AT+CIPMUX=1 is not sent by our
    /// driver, and its AT+CIPSTATUS, during which the Wi-Fi lines came, is replaced by the node polling idle.
    /// </summary>
    [TestClass]
    public class Esp8266AutoJoinTranscriptTests
    {
        [TestMethod]
        public void Start_ThenStoredApRejoinedUnasked_WifiCountsAsConnected()
        {
            SessionReplay replay = new SessionReplay();
            replay.Logged("AT", "AT\r\n\r\nOK\r\n");
            replay.Logged("ATE0", "ATE0\r\n\r\nOK\r\n");
            replay.Logged("AT+CWMODE=1", "\r\nOK\r\n");
            AtChannel channel = new AtChannel(replay.Line, replay.Clock, new RecordingLog());
            EspAtModem modem = new EspAtModem(channel, new RecordingLog());

            bool started = modem.Start(10000);
            bool before = modem.WifiConnected;
            replay.Unsolicited("WIFI CONNECTED\r\n");
            replay.Line.SendAt(replay.Clock.UptimeMs + 600, "WIFI GOT IP\r\n");
            channel.Poll(100);
            bool connectedOnly = modem.WifiConnected;
            channel.Poll(1000);

            Assert.IsNull(replay.Mismatch, replay.Mismatch);
            Assert.IsTrue(started);
            Assert.IsFalse(modem.NeedsInit);
            Assert.IsFalse(before);
            Assert.IsFalse(connectedOnly);
            Assert.IsTrue(modem.WifiConnected);
        }
    }
}
