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
    /// Source: ESP32-WROOM-32 with ESP-AT V2.1.0.0 against ThingsBoard, https://github.com/espressif/esp-at/issues/478
    /// (2020-10-08). Recorded: AT+MQTTUSERCFG OK; AT+MQTTCONNCFG OK; AT+MQTTCONN=0,"…",9082,0 answered
    /// "+MQTTCONNECTED:0,1,"…","9082","",0" then OK; AT+MQTTSUB=0,"v1/devices/me/telemetry",1 answered
    /// "+MQTTDISCONNECTED:0" then ERROR (the broker refused the subscription by closing the connection).
    /// Adapted: lines framed CR-LF; our host, port, client id, login and keep-alive replace the (its access
    /// token was the user name) and the +MQTTCONNECTED fields echo them; the filter is the issue's. Start-up and Wi-Fi
    /// join are our driver's (EspAtScripts), as is AT+MQTTCLEAN=0 after the failed subscription (plain OK).
    /// </summary>
    [TestClass]
    public class EspAtSubscribeDisconnectedTranscriptTests
    {
        [TestMethod]
        public void Connect_SubscribeAnsweredDisconnectedAndError_FailsNotConnectedNoLaterLoss()
        {
            SessionReplay replay = new SessionReplay();
            EspAtScripts.StartAndJoin(replay.Line);
            replay.Logged("AT+MQTTUSERCFG=0,1,\"dev1_0_0_2026112510\",\"dev1\",\"pw\",0,0,\"\"", "\r\nOK\r\n");
            replay.Logged("AT+MQTTCONNCFG=0,120,0,\"\",\"\",0,0", "\r\nOK\r\n");
            replay.Logged("AT+MQTTCONN=0,\"iot.example.com\",1883,0", "\r\n+MQTTCONNECTED:0,1,\"iot.example.com\",\"1883\",\"\",0\r\n\r\nOK\r\n", 700);
            replay.Logged("AT+MQTTSUB=0,\"v1/devices/me/telemetry\",1", "\r\n+MQTTDISCONNECTED:0\r\n\r\nERROR\r\n", 300);
            replay.Adapted("AT+MQTTCLEAN=0", "\r\nOK\r\n");
            EspAtMqttLink link = EspAtScripts.Link(replay.Line, replay.Clock);
            LinkResult kept = link.Subscribe("v1/devices/me/telemetry", 1);
            int losses = 0;
            link.Lost += delegate(string reason) { losses++; };

            LinkResult connected = link.Connect(QuectelScripts.Options());
            link.Poll(10);
            link.Poll(10);

            Assert.IsNull(replay.Mismatch, replay.Mismatch);
            Assert.AreEqual((int)LinkResult.Ok, (int)kept);
            Assert.AreNotEqual((int)LinkResult.Ok, (int)connected);
            Assert.IsFalse(link.IsConnected);
            Assert.IsTrue(link.LastError.IndexOf("MQTTSUB") >= 0, link.LastError);
            Assert.AreEqual(0, losses);
        }
    }
}
