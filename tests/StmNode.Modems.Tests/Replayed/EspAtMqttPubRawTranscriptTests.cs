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
    /// Source: espressif/esp-at, docs/en/AT_Command_Examples/MQTT_AT_Examples.rst at
    /// b49e4b986584c48476d663a5b1e29e437c88c10c, "MQTT over TCP (with a local MQTT broker)(suitable for large amounts
    /// of data)": AT+MQTTUSERCFG OK; AT+MQTTCONN answered "+MQTTCONNECTED:0,1,…" then OK; AT+MQTTSUB=0,"topic",1 OK;
    /// AT+MQTTPUBRAW=0,"topic",427,0,0 answered OK then "&gt;", the 427 bytes, then "+MQTTPUB:OK"; the subscriber
    /// gets "+MQTTSUBRECV:0,"topic",427,&lt;the same bytes&gt;". The message formats match the strings in the firmware
    /// library of the same commit (components/at/lib/libesp32_at_core.a: "+MQTTCONNECTED:%d,%d,"%.*s","%.*s","%.*s",%d",
    /// "+MQTTSUBRECV:%d,"%.*s",%d,", "+MQTTPUB:OK").
    /// Adapted: lines framed CR-LF as ESP-AT frames its messages, the prompt as CR-LF "&gt;" with nothing after it;
    /// one module plays publisher and subscriber; our host, port, client id and login replace the example's, and the
    /// +MQTTCONNECTED fields echo them (scheme 1, our reconnect 0). Start-up, Wi-Fi join and AT+MQTTCONNCFG are our
    /// driver's (EspAtScripts' healthy answers).
    /// </summary>
    [TestClass]
    public class EspAtMqttPubRawTranscriptTests
    {
        private const string Message = "{\"headers\": {\"Accept\": \"application/json\",\"Accept-Encoding\": \"gzip, deflate\","
            + "\"Accept-Language\": \"en-US,en;q=0.9,zh-CN;q=0.8,zh;q=0.7\",\"Content-Length\": \"0\",\"Host\": \"httpbin.org\","
            + "\"Origin\": \"http://httpbin.org\",\"Referer\": \"http://httpbin.org/\",\"User-Agent\": \"Mozilla/5.0 (X11; Linux "
            + "x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.114 Safari/537.36\",\"X-Amzn-Trace-Id\": "
            + "\"Root=1-6150581e-1ad4bd5254b4bf5218070413\"}}";

        [TestMethod]
        public void Session_ConnectSubscribePublishRawReceive_AsTheExampleShows()
        {
            SessionReplay replay = new SessionReplay();
            EspAtScripts.StartAndJoin(replay.Line);
            replay.Logged("AT+MQTTUSERCFG=0,1,\"dev1_0_0_2026112510\",\"dev1\",\"pw\",0,0,\"\"", "\r\nOK\r\n");
            replay.Adapted("AT+MQTTCONNCFG=0,120,0,\"\",\"\",0,0", "\r\nOK\r\n");
            replay.Logged("AT+MQTTCONN=0,\"iot.example.com\",1883,0", "\r\n+MQTTCONNECTED:0,1,\"iot.example.com\",\"1883\",\"\",0\r\n\r\nOK\r\n", 900);
            replay.Logged("AT+MQTTSUB=0,\"topic\",1", "\r\nOK\r\n", 200);
            replay.Logged("AT+MQTTPUBRAW=0,\"topic\",427,0,0", "\r\nOK\r\n\r\n>");
            byte[] message = Encoding.UTF8.GetBytes(Message);
            replay.LoggedData(message, "\r\n+MQTTPUB:OK\r\n");
            EspAtMqttLink link = EspAtScripts.Link(replay.Line, replay.Clock);

            LinkResult connected = link.Connect(QuectelScripts.Options());
            LinkResult subscribed = link.Subscribe("topic", 1);
            LinkResult published = link.Publish("topic", message, 0, message.Length, 0);
            replay.Unsolicited("+MQTTSUBRECV:0,\"topic\",427," + Message + "\r\n");
            link.Poll(100);
            string topic;
            byte[] payload;
            bool received = link.TryTakeMessage(out topic, out payload);

            Assert.IsNull(replay.Mismatch, replay.Mismatch);
            Assert.AreEqual(427, message.Length);
            Assert.AreEqual((int)LinkResult.Ok, (int)connected, link.LastError);
            Assert.AreEqual((int)LinkResult.Ok, (int)subscribed, link.LastError);
            Assert.AreEqual((int)LinkResult.Ok, (int)published, link.LastError);
            Assert.IsTrue(received);
            Assert.AreEqual("topic", topic);
            Assert.AreEqual(Message, Encoding.UTF8.GetString(payload, 0, payload.Length));
        }
    }
}
