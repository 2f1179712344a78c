#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Collections;
using System.Text;
using StmNode.Modems;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Modems
{
    [TestClass]
    public class EspAtMqttLinkTests
    {
        [TestMethod]
        public void Connect_ResubscribeFails_SessionClosedAndNotConnected()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtMqttLink link = EspAtScripts.Connected(line, clock);
            line.Expect("AT+MQTTSUB=0,\"a\",1", Ok);
            Assert.AreEqual((int)LinkResult.Ok, (int)link.Subscribe("a", 1));
            line.Send("\r\n+MQTTDISCONNECTED:0\r\n");
            link.Poll(10);
            line.Expect("AT+MQTTCLEAN=0", Ok);
            EspAtScripts.ConfigureAndConnect(line);
            line.Expect("AT+MQTTSUB=0,\"a\",1", "\r\nERROR\r\n");
            line.Expect("AT+MQTTCLEAN=0", Ok);

            LinkResult result = link.Connect(QuectelScripts.Options());

            Assert.AreNotEqual((int)LinkResult.Ok, (int)result);
            Assert.IsFalse(link.IsConnected);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Connect_TwoFiltersAcrossAReconnect_OneMqttsubPerFilterPerSession()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtMqttLink link = EspAtScripts.Link(line, clock);
            LinkResult keptA = link.Subscribe("a/#", 1);
            LinkResult keptB = link.Subscribe("b", 0);
            EspAtScripts.StartAndJoin(line);
            EspAtScripts.ConfigureAndConnect(line);
            line.Expect("AT+MQTTSUB=0,\"a/#\",1", Ok).Expect("AT+MQTTSUB=0,\"b\",0", Ok);

            LinkResult first = link.Connect(QuectelScripts.Options());
            LinkResult again = link.Subscribe("b", 0);
            line.Send("\r\n+MQTTDISCONNECTED:0\r\n");
            link.Poll(10);
            line.Expect("AT+MQTTCLEAN=0", Ok);
            EspAtScripts.ConfigureAndConnect(line);
            line.Expect("AT+MQTTSUB=0,\"a/#\",1", Ok).Expect("AT+MQTTSUB=0,\"b\",0", Ok);
            LinkResult second = link.Connect(QuectelScripts.Options());

            Assert.AreEqual((int)LinkResult.Ok, (int)keptA);
            Assert.AreEqual((int)LinkResult.Ok, (int)keptB);
            Assert.AreEqual((int)LinkResult.Ok, (int)first, link.LastError);
            Assert.AreEqual((int)LinkResult.Ok, (int)again);
            Assert.AreEqual((int)LinkResult.Ok, (int)second, link.LastError);
            Assert.AreEqual(4, line.CountWritten("AT+MQTTSUB="));
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        [DataRow("a/+/b")]
        [DataRow("a/#")]
        public void Publish_TopicNameWithWildcard_RefusedBeforeAnyAtCommand(string topic)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtMqttLink link = EspAtScripts.Connected(line, clock);
            int written = line.Written.Length;
            byte[] payload = new byte[] { 0x7B, 0x7D };

            LinkResult result = link.Publish(topic, payload, 0, payload.Length, 1);

            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)result);
            Assert.AreEqual(written, line.Written.Length);
            Assert.IsTrue(link.IsConnected);
        }

        private const string Ok = EspAtScripts.Ok;

        [TestMethod]
        [DataRow(1)]
        [DataRow(4)]
        [DataRow(1000)]
        public void Connect_Healthy_JoinsWifiWithEscapedCredentialsAndConnects(int chunk)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.ChunkSize = chunk;

            EspAtMqttLink link = EspAtScripts.Connected(line, clock);

            Assert.IsTrue(link.IsConnected);
            Assert.IsTrue(link.Modem.WifiConnected);
            Assert.IsTrue(line.Written.StartsWith("AT\r\nATE0\r\n"));
            Assert.AreEqual(0, line.Unmet);
            Assert.IsFalse(link.Modem.Channel.Trace.Dump().IndexOf("p\\\"w") >= 0);
        }

        [TestMethod]
        [DataRow("1", 1, "FAIL")]
        [DataRow("2", 2, "ERROR")]
        [DataRow("3", 3, "ERROR")]
        public void Connect_WifiJoinFails_EspErrorWithCwjapCode(string code, int expected, string final)
        {
            // ESP-AT 1.x ends a failed join with FAIL, 2.x with ERROR (Wi-Fi AT Commands, AT+CWJAP).
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT", Ok).Expect("ATE0", Ok).Expect("AT+CWMODE=1", Ok);
            line.Expect("AT+CWJAP=\"home\\,net\",\"p\\\"w\\\\d\"", "\r\n+CWJAP:" + code + "\r\n\r\n" + final + "\r\n", 5000);
            EspAtMqttLink link = EspAtScripts.Link(line, clock);

            LinkResult result = link.Connect(QuectelScripts.Options());

            Assert.AreEqual((int)LinkResult.Refused, (int)result);
            Assert.AreEqual((int)ModemErrorKind.EspError, (int)link.Modem.LastError.Kind);
            Assert.AreEqual(expected, link.Modem.LastError.Code);
        }

        [TestMethod]
        public void Connect_BrokerRefuses_EspErrorWithHexCode()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtScripts.StartAndJoin(line);
            line.Expect("AT+MQTTUSERCFG=0,1,\"dev1_0_0_2026112510\",\"dev1\",\"pw\",0,0,\"\"", Ok);
            line.Expect("AT+MQTTCONNCFG=0,120,0,\"\",\"\",0,0", Ok);
            line.Expect("AT+MQTTCONN=0,\"iot.example.com\",1883,0", "\r\nERR CODE:0x01996015\r\n\r\nERROR\r\n", 900);
            EspAtMqttLink link = EspAtScripts.Link(line, clock);

            LinkResult result = link.Connect(QuectelScripts.Options());

            Assert.AreEqual((int)LinkResult.Refused, (int)result);
            Assert.AreEqual(0x01996015, link.Modem.LastError.Code);
            Assert.IsFalse(link.IsConnected);
        }

        [TestMethod]
        public void Connect_LongUsername_SentThroughLongFormNotQuoted()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            string user = "d_" + new string('x', 70) + ",\"";
            EspAtScripts.StartAndJoin(line);
            line.Expect("AT+MQTTUSERCFG=0,1,\"dev1_0_0_2026112510\",\"\",\"pw\",0,0,\"\"", Ok);
            line.Expect("AT+MQTTLONGUSERNAME=0,74", Ok + "\r\n>");
            line.ExpectData(user, Ok);
            line.Expect("AT+MQTTCONNCFG=0,120,0,\"\",\"\",0,0", Ok);
            line.Expect("AT+MQTTCONN=0,\"iot.example.com\",1883,0", Ok);
            EspAtMqttLink link = EspAtScripts.Link(line, clock);
            MqttConnectOptions options = QuectelScripts.Options();
            options.Username = user;

            LinkResult result = link.Connect(options);

            Assert.AreEqual((int)LinkResult.Ok, (int)result, link.LastError);
            Assert.IsNull(line.Failure);
            Assert.AreEqual(0, line.Unmet);
        }

        [TestMethod]
        public void Publish_JsonWithHostileBytes_PubRawExactBytes()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtMqttLink link = EspAtScripts.Connected(line, clock);
            string json = "{\"a\":\"1,2\",\"b\":\"\\\\\"}\r\nAT+RST\r\n+++\u001A";
            byte[] payload = Encoding.UTF8.GetBytes(json);
            line.Expect("AT+MQTTPUBRAW=0,\"$oc/devices/dev1/sys/properties/report\"," + payload.Length.ToString() + ",1,0", Ok + "\r\n>");
            line.ExpectData(payload, "\r\n+MQTTPUB:OK\r\n");

            LinkResult result = link.Publish("$oc/devices/dev1/sys/properties/report", payload, 0, payload.Length, 1);

            Assert.AreEqual((int)LinkResult.Ok, (int)result, link.LastError);
            Assert.IsNull(line.Failure);
            Assert.AreEqual(0, line.Unmet);
        }

        [TestMethod]
        public void Publish_ModuleReportsFail_Failed()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtMqttLink link = EspAtScripts.Connected(line, clock);
            line.Expect("AT+MQTTPUBRAW=0,\"up\",2,0,0", Ok + "\r\n>");
            line.ExpectData("{}", "\r\n+MQTTPUB:FAIL\r\n");

            LinkResult result = link.Publish("up", Encoding.UTF8.GetBytes("{}"), 0, 2, 0);

            Assert.AreEqual((int)LinkResult.Failed, (int)result);
        }

        [TestMethod]
        [DataRow("a\r\nb")]
        [DataRow("")]
        public void Publish_UnusableTopic_InvalidArgumentNothingSent(string topic)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtMqttLink link = EspAtScripts.Connected(line, clock);
            int written = line.Written.Length;

            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)link.Publish(topic, new byte[] { 1 }, 0, 1, 0));
            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)link.Subscribe(topic, 0));
            Assert.AreEqual(written, line.Written.Length);
        }

        [TestMethod]
        public void Subscribe_TopicWithQuoteAndComma_EscapedAndAlreadySubscribedIsOk()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtMqttLink link = EspAtScripts.Connected(line, clock);
            line.Expect("AT+MQTTSUB=0,\"a\\\"b\\,c\",1", "\r\nALREADY SUBSCRIBE\r\n" + Ok);

            Assert.AreEqual((int)LinkResult.Ok, (int)link.Subscribe("a\"b,c", 1));
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(3)]
        [DataRow(512)]
        public void Poll_SubRecvWithRawData_MessageExact(int chunk)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtMqttLink link = EspAtScripts.Connected(line, clock);
            line.ChunkSize = chunk;
            ArrayList received = new ArrayList();
            line.Send("\r\n+MQTTSUBRECV:0,\"$oc/cmd\",14,{\"x\":\"\r\nOK\r\n\"}\r\n");

            for (int i = 0; i < 100 && received.Count == 0; i++)
            {
                link.Poll(10);
                TakenMessages.Into(link, received, "|");
            }

            Assert.AreEqual(1, received.Count);
            Assert.AreEqual("$oc/cmd|{\"x\":\"\r\nOK\r\n\"}", (string)received[0]);
        }

        [TestMethod]
        public void Poll_MqttDisconnected_LostThenReconnectCleansFirst()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtMqttLink link = EspAtScripts.Connected(line, clock);
            ArrayList lost = new ArrayList();
            link.Lost += delegate(string reason) { lost.Add(reason); };
            line.Send("\r\n+MQTTDISCONNECTED:0\r\n");

            link.Poll(10);
            line.Expect("AT+MQTTCLEAN=0", Ok);
            EspAtScripts.ConfigureAndConnect(line);
            LinkResult result = link.Connect(QuectelScripts.Options());

            Assert.AreEqual(1, lost.Count);
            Assert.AreEqual((int)LinkResult.Ok, (int)result);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Publish_ModuleRebootsMidPublish_FailedLostAndFullRedo()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtMqttLink link = EspAtScripts.Connected(line, clock);
            ArrayList lost = new ArrayList();
            link.Lost += delegate(string reason) { lost.Add(reason); };
            line.Expect("AT+MQTTPUBRAW=0,\"up\",2,1,0", Ok + "\r\n>");
            line.ExpectData("{}", "\r\nets Jan  8 2013,rst cause:2\r\n\r\nready\r\n");

            LinkResult published = link.Publish("up", Encoding.UTF8.GetBytes("{}"), 0, 2, 1);
            link.Poll(10);
            EspAtScripts.StartAndJoin(line);
            line.Expect("AT+MQTTCLEAN=0", Ok);
            EspAtScripts.ConfigureAndConnect(line);
            LinkResult reconnected = link.Connect(QuectelScripts.Options());

            Assert.AreEqual((int)LinkResult.Failed, (int)published);
            Assert.AreEqual(1, lost.Count);
            Assert.AreEqual("module rebooted", (string)lost[0]);
            Assert.AreEqual((int)LinkResult.Ok, (int)reconnected, link.LastError);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Unsubscribe_NotSubscribedIsOk_ErrorIsTyped()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtMqttLink link = EspAtScripts.Connected(line, clock);
            line.Expect("AT+MQTTUNSUB=0,\"a/b\"", "\r\nNO UNSUBSCRIBE\r\n" + Ok);
            line.Expect("AT+MQTTUNSUB=0,\"c\"", "\r\nERR CODE:0x6043\r\n\r\nERROR\r\n");

            Assert.IsTrue(link.Modem.Unsubscribe("a/b"));
            Assert.IsFalse(link.Modem.Unsubscribe("c"));
            Assert.AreEqual(0x6043, link.Modem.LastError.Code);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Connect_CommandOver256Bytes_AllCredentialsThroughLongForms()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            string clientId = new string('c', 200);
            EspAtScripts.StartAndJoin(line);
            line.Expect("AT+MQTTUSERCFG=0,1,\"\",\"\",\"\",0,0,\"\"", Ok);
            line.Expect("AT+MQTTLONGCLIENTID=0,200", Ok + "\r\n>");
            line.ExpectData(clientId, Ok);
            line.Expect("AT+MQTTLONGUSERNAME=0,4", Ok + "\r\n>");
            line.ExpectData("dev1", Ok);
            line.Expect("AT+MQTTLONGPASSWORD=0,60", Ok + "\r\n>");
            line.ExpectData(new string('p', 60), Ok);
            line.Expect("AT+MQTTCONNCFG=0,120,0,\"\",\"\",0,0", Ok);
            line.Expect("AT+MQTTCONN=0,\"iot.example.com\",1883,0", Ok);
            EspAtMqttLink link = EspAtScripts.Link(line, clock);
            MqttConnectOptions options = QuectelScripts.Options();
            options.ClientId = clientId;
            options.Password = new string('p', 60);

            LinkResult result = link.Connect(options);

            Assert.AreEqual((int)LinkResult.Ok, (int)result, link.LastError);
            Assert.IsNull(line.Failure);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsTrue(link.Modem.Channel.Trace.Dump().IndexOf("pppp") < 0);
        }

        [TestMethod]
        public void Connect_PasswordWithLineBreak_InvalidArgumentNeverSent()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtMqttLink link = EspAtScripts.Link(line, clock);
            MqttConnectOptions options = QuectelScripts.Options();
            options.Password = "pw\r\nAT+RESTORE";

            LinkResult result = link.Connect(options);

            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)result);
            Assert.AreEqual(string.Empty, line.Written);
            Assert.IsNull(line.Failure);
        }
    }
}
