#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using StmNode.Modems;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Modems
{
    /// <summary>
    /// Source: Quectel BC26 MQTT Application Note V1.1 (2019-04-22), chapter 5 "Example"; PDF in
    /// github.com/bingoiot/EV-NBIOT-BC26-Workspace at d721a6e3d1ab110d1736486471034f8bb15b4bb2,
    /// "BC26_OpenCPU_SDK_V1.4/docs/01 AT/Quectel_BC26_MQTT_Application_Note_V1.1.pdf".
    /// Recorded: OK then "+QMTOPEN: 0,0"; OK then "+QMTCONN: 0,0,0"; AT+QMTSUB=0,1,"topic/example",2 → OK then
    /// "+QMTSUB: 0,1,0,2"; "+QMTRECV: 0,0,"topic/example",…" for a QoS 0 message; AT+QMTPUB=0,0,0,0,"topic/pub" → the
    /// "&gt;" prompt, the payload ended by Ctrl-Z, OK then "+QMTPUB: 0,0,0"; AT+QMTDISC=0 → OK then "+QMTDISC: 0,0".
    /// Adapted: the note shows lines only: each is framed CR-LF, the prompt as CR-LF "&gt;" with nothing after it; the
    /// PDF's typeset quotes are ASCII quotes. Our host, client id and login replace the note's; the start-up and QMTCFG
    /// lines of our driver (QuectelScripts) precede the session. Our driver sets "dataformat" 0,1 and "echomode" 0, so
    /// the received payload is the note's text as hex (the note §3.2.1 "dataformat": 1 = hex) and the typed payload is
    /// not echoed. Our link has no unsubscribe, so the note's AT+QMTUNS is not replayed; AT+QMTCLOSE after the
    /// disconnect is our driver's (plain OK and "+QMTCLOSE: 0,0").
    /// </summary>
    [TestClass]
    public class Bc26MqttSessionTranscriptTests
    {
        [TestMethod]
        public void Session_OpenConnectSubscribeReceivePublishDisconnect_AsTheNoteShows()
        {
            SessionReplay replay = new SessionReplay();
            QuectelScripts.BringUp(replay.Line, false);
            QuectelScripts.Configure(replay.Line, false, null);
            replay.Logged("AT+QMTOPEN=0,\"iot.example.com\",1883", "\r\nOK\r\n").Then(1500, "\r\n+QMTOPEN: 0,0\r\n");
            replay.Logged("AT+QMTCONN=0,\"dev1_0_0_2026112510\",\"dev1\",\"pw\"", "\r\nOK\r\n").Then(800, "\r\n+QMTCONN: 0,0,0\r\n");
            replay.Logged("AT+QMTSUB=0,1,\"topic/example\",2", "\r\nOK\r\n").Then(600, "\r\n+QMTSUB: 0,1,0,2\r\n");
            byte[] typed = Encoding.UTF8.GetBytes("This is test data, hello MQTT.\u001A");
            replay.Logged("AT+QMTPUB=0,0,0,0,\"topic/pub\"", "\r\n>");
            replay.LoggedData(typed, "\r\nOK\r\n").Then(700, "\r\n+QMTPUB: 0,0,0\r\n");
            replay.Logged("AT+QMTDISC=0", "\r\nOK\r\n").Then(300, "\r\n+QMTDISC: 0,0\r\n");
            replay.Adapted("AT+QMTCLOSE=0", "\r\nOK\r\n\r\n+QMTCLOSE: 0,0\r\n");
            QuectelMqttLink link = new QuectelMqttLink(QuectelScripts.Modem(replay.Line, replay.Clock, false));

            LinkResult connected = link.Connect(QuectelScripts.Options());
            LinkResult subscribed = link.Subscribe("topic/example", 2);
            replay.Unsolicited("\r\n+QMTRECV: 0,0,\"topic/example\",\"5468697320697320746865207061796C6F61642072656C6174656420746F20746F706963\"\r\n");
            link.Poll(100);
            string topic;
            byte[] payload;
            bool received = link.TryTakeMessage(out topic, out payload);
            byte[] report = Encoding.UTF8.GetBytes("This is test data, hello MQTT.");
            LinkResult published = link.Publish("topic/pub", report, 0, report.Length, 0);
            link.Disconnect();

            Assert.IsNull(replay.Mismatch, replay.Mismatch);
            Assert.AreEqual((int)LinkResult.Ok, (int)connected, link.LastError);
            Assert.AreEqual((int)LinkResult.Ok, (int)subscribed, link.LastError);
            Assert.IsTrue(received);
            Assert.AreEqual("topic/example", topic);
            Assert.AreEqual("This is the payload related to topic", Encoding.UTF8.GetString(payload, 0, payload.Length));
            Assert.AreEqual((int)LinkResult.Ok, (int)published, link.LastError);
            Assert.IsFalse(link.IsConnected);
        }
    }
}
