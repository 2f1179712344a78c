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
    /// Source: an ESP32-C3 with ESP-AT driven by the WiFiEspAT library, https://github.com/JAndrassy/WiFiEspAT/issues/105
    /// (2023-05-23 log). Recorded: as the module restarts it prints "WIFI DISCONNECT" then "ready"; afterwards ATE0 is
    /// echoed, then OK.
    /// Adapted: lines framed CR-LF; in the log the restart followed the host's AT+RST (answered OK), here it comes
    /// unasked while our link holds a session (a brown-out or watchdog restart prints the same). The first session and
    /// the rejoin (AT, AT+CWMODE=1, AT+CWJAP, AT+MQTTCLEAN=0, MQTT configuration and connect) are our driver's
    /// (EspAtScripts' healthy answers).
    /// </summary>
    [TestClass]
    public class EspAtRestartTranscriptTests
    {
        [TestMethod]
        public void Poll_ModuleRestartsUnasked_LossRaisedOnceThenFullStartWithEchoedAte0()
        {
            SessionReplay replay = new SessionReplay();
            EspAtMqttLink link = EspAtScripts.Connected(replay.Line, replay.Clock);
            string reason = null;
            int losses = 0;
            link.Lost += delegate(string why)
            {
                losses++;
                reason = why;
            };
            replay.Unsolicited("WIFI DISCONNECT\r\n\r\nready\r\n");

            link.Poll(100);
            link.Poll(100);
            bool needsStart = link.Modem.NeedsInit;
            replay.Adapted("AT", "\r\nOK\r\n");
            replay.Logged("ATE0", "ATE0\r\n\r\nOK\r\n");
            replay.Adapted("AT+CWMODE=1", "\r\nOK\r\n");
            replay.Adapted("AT+CWJAP=\"home\\,net\",\"p\\\"w\\\\d\"", "\r\nWIFI CONNECTED\r\n\r\nWIFI GOT IP\r\n\r\nOK\r\n");
            replay.Adapted("AT+MQTTCLEAN=0", "\r\nOK\r\n");
            EspAtScripts.ConfigureAndConnect(replay.Line);
            LinkResult again = link.Connect(QuectelScripts.Options());

            Assert.IsNull(replay.Mismatch, replay.Mismatch);
            Assert.AreEqual(1, losses);
            Assert.AreEqual("module rebooted", reason);
            Assert.IsTrue(needsStart);
            Assert.AreEqual((int)LinkResult.Ok, (int)again, link.LastError);
            Assert.IsTrue(link.IsConnected);
        }
    }
}
