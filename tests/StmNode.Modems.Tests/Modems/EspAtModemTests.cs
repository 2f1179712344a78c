#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.At;
using StmNode.Modems;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Modems
{
    /// <summary>What sets ESP-AT generations and chips apart: TLS schemes, the SNTP precondition, finals after notices.</summary>
    [TestClass]
    public class EspAtModemTests
    {
        private const string Ok = EspAtScripts.Ok;

        [TestMethod]
        public void Connect_Esp8266WithTls_RefusedNamingTheChipBeforeAnyMqttCommand()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtScripts.StartAndJoin(line, EspAtScripts.GmrEsp8266);
            EspAtMqttLink link = EspAtScripts.Link(line, clock);
            MqttConnectOptions options = QuectelScripts.Options();
            options.UseTls = true;
            options.Port = 8883;

            LinkResult result = link.Connect(options);

            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)result);
            Assert.IsTrue(link.LastError.IndexOf("ESP8266") >= 0, link.LastError);
            Assert.AreEqual(0, line.CountWritten("AT+MQTT"));
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Connect_Esp32WithTls_SntpTimeBeforeMqttconn()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtScripts.StartAndJoin(line, EspAtScripts.GmrEsp32);
            line.Expect("AT+CIPSNTPCFG=1,0,\"pool.ntp.org\"", Ok);
            line.Expect("AT+CIPSNTPTIME?", "\r\n+CIPSNTPTIME:Thu Jan 01 00:00:08 1970\r\n" + Ok);
            line.Expect("AT+CIPSNTPTIME?", "\r\n+CIPSNTPTIME:Thu Mar 09 14:02:31 2023\r\n" + Ok);
            line.Expect("AT+MQTTUSERCFG=0,3,\"dev1_0_0_2026112510\",\"dev1\",\"pw\",0,0,\"\"", Ok);
            line.Expect("AT+MQTTCONNCFG=0,120,0,\"\",\"\",0,0", Ok);
            line.Expect("AT+MQTTCONN=0,\"iot.example.com\",8883,0", "\r\n+MQTTCONNECTED:0,3,\"iot.example.com\",\"8883\",\"\",0\r\n" + Ok, 800);
            EspAtMqttLink link = EspAtScripts.Link(line, clock);
            MqttConnectOptions options = QuectelScripts.Options();
            options.UseTls = true;
            options.Port = 8883;

            LinkResult result = link.Connect(options);

            Assert.AreEqual((int)LinkResult.Ok, (int)result, link.LastError);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Connect_Esp32SntpNeverSyncs_FailsNamingTheTimeBeforeMqttUserCfg()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtScripts.StartAndJoin(line, EspAtScripts.GmrEsp32);
            line.Expect("AT+CIPSNTPCFG=1,0,\"pool.ntp.org\"", Ok);
            for (int i = 0; i < 40; i++)
            {
                line.Expect("AT+CIPSNTPTIME?", "\r\n+CIPSNTPTIME:Thu Jan 01 00:00:08 1970\r\n" + Ok);
            }

            EspAtMqttLink link = EspAtScripts.Link(line, clock);
            MqttConnectOptions options = QuectelScripts.Options();
            options.UseTls = true;

            LinkResult result = link.Connect(options);

            Assert.AreNotEqual((int)LinkResult.Ok, (int)result);
            Assert.IsTrue(link.LastError.IndexOf("SNTP") >= 0, link.LastError);
            Assert.AreEqual(0, line.CountWritten("AT+MQTTUSERCFG"));
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Unsubscribe_NoUnsubscribeThenOk_TheOkDoesNotEndTheNextCommand()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtMqttLink link = EspAtScripts.Connected(line, clock);
            line.Expect("AT+MQTTUNSUB=0,\"a/b\"", "\r\nNO UNSUBSCRIBE\r\n\r\nOK\r\n");
            line.Expect("AT+MQTTSUB=0,\"c\",1", "\r\nERR CODE:0x6029\r\n\r\nERROR\r\n", 200);

            bool unsubscribed = link.Modem.Unsubscribe("a/b");
            bool subscribed = link.Modem.Subscribe("c", 1);

            Assert.IsTrue(unsubscribed);
            Assert.IsFalse(subscribed);
            Assert.AreEqual(0x6029, link.Modem.LastError.Code);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Subscribe_AlreadySubscribeThenFinal_SuccessAndTheFinalIsConsumed()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            EspAtMqttLink link = EspAtScripts.Connected(line, clock);
            line.Expect("AT+MQTTSUB=0,\"a\",1", "\r\nALREADY SUBSCRIBE\r\n\r\nERROR\r\n");
            line.Expect("AT+MQTTUNSUB=0,\"b\"", "\r\nERR CODE:0x6043\r\n\r\nERROR\r\n", 200);

            bool subscribed = link.Modem.Subscribe("a", 1);
            bool unsubscribed = link.Modem.Unsubscribe("b");

            Assert.IsTrue(subscribed);
            Assert.IsFalse(unsubscribed);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void StreamOpen_AlreadyConnectedThenError_LinkUsedAndTheErrorConsumed()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CIPMUX=0", Ok).Expect("AT+CIPMODE=1", Ok);
            line.Expect("AT+CIPSTART=\"TCP\",\"broker.example\",1883", "\r\nALREADY CONNECTED\r\n\r\nERROR\r\n");
            line.Expect("AT+CIPSEND", "\r\nOK\r\n\r\n>", 100);
            EspAtModem modem = new EspAtModem(new AtChannel(line, clock, new RecordingLog()), new RecordingLog());
            EspAtStreamConnector connector = new EspAtStreamConnector(modem);

            IByteStream stream = connector.Open("broker.example", 1883, false, 10000);

            Assert.IsNotNull(stream, connector.LastError);
            Assert.IsTrue(modem.Channel.IsTransparent);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }
    }
}
