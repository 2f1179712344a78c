#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Modems;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Modems
{
    /// <summary>
    /// Source: ESP32-WROOM-32D with ESP-AT built from source, https://github.com/espressif/esp-at/issues/453
    /// (2020-07-30). Recorded: the same AT+MQTTSUB twice and the same AT+MQTTUNSUB twice are each answered OK on the
    /// AT port (the second unsubscribe about 160 ms later instead of 25 ms); the maintainer's answer: the
    /// "ALREADY SUBSCRIBE" / "NO UNSUBSCRIBE" notices go to the log port (UART0), not to the AT port.
    /// Adapted: lines framed CR-LF; the filter "something/test" at QoS 0 is kept, the session before it is our
    /// driver's (EspAtScripts).
    /// </summary>
    [TestClass]
    public class EspAtRepeatedSubscribeTranscriptTests
    {
        [TestMethod]
        public void SubscribeAndUnsubscribeTwice_PlainOkEachTime_AllSucceedAndTheLinkStaysUsable()
        {
            SessionReplay replay = new SessionReplay();
            EspAtMqttLink link = EspAtScripts.Connected(replay.Line, replay.Clock);
            replay.Logged("AT+MQTTSUB=0,\"something/test\",0", "\r\nOK\r\n", 25);
            replay.Logged("AT+MQTTSUB=0,\"something/test\",0", "\r\nOK\r\n", 25);
            replay.Logged("AT+MQTTUNSUB=0,\"something/test\"", "\r\nOK\r\n", 25);
            replay.Logged("AT+MQTTUNSUB=0,\"something/test\"", "\r\nOK\r\n", 160);
            replay.Adapted("AT+MQTTSUB=0,\"something/test\",0", "\r\nOK\r\n");
            EspAtModem modem = link.Modem;

            bool first = modem.Subscribe("something/test", 0);
            bool again = modem.Subscribe("something/test", 0);
            bool dropped = modem.Unsubscribe("something/test");
            bool droppedAgain = modem.Unsubscribe("something/test");
            bool afterwards = modem.Subscribe("something/test", 0);

            Assert.IsNull(replay.Mismatch, replay.Mismatch);
            Assert.IsTrue(first);
            Assert.IsTrue(again);
            Assert.IsTrue(dropped);
            Assert.IsTrue(droppedAgain);
            Assert.IsTrue(afterwards);
            Assert.IsTrue(link.IsConnected);
        }
    }
}
