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
    public class QuectelMqttLinkTests
    {
        [TestMethod]
        public void Connect_ResubscribeFails_SessionClosedAndNotConnected()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, false);
            line.Expect("AT+QMTSUB=0,1,\"a\",1", Ok).Then(300, "\r\n+QMTSUB: 0,1,0,1\r\n");
            Assert.AreEqual((int)LinkResult.Ok, (int)link.Subscribe("a", 1));
            line.Send("\r\n+QMTSTAT: 0,1\r\n");
            link.Poll(10);
            QuectelScripts.Configure(line, false, null);
            QuectelScripts.OpenAndConnect(line);
            line.Expect("AT+QMTSUB=0,2,\"a\",1", Ok).Then(300, "\r\n+QMTSUB: 0,2,2\r\n");
            line.Expect("AT+QMTDISC=0", Ok).Then(100, "\r\n+QMTDISC: 0,0\r\n");
            line.Expect("AT+QMTCLOSE=0", Ok).Then(100, "\r\n+QMTCLOSE: 0,0\r\n");

            LinkResult result = link.Connect(QuectelScripts.Options());

            Assert.IsNull(line.Failure);
            Assert.AreNotEqual((int)LinkResult.Ok, (int)result);
            Assert.IsFalse(link.IsConnected);
            Assert.AreEqual(0, line.Unmet);
        }

        [TestMethod]
        public void Connect_TwoFiltersAcrossAReconnect_OneQmtsubPerFilterPerSession()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = new QuectelMqttLink(QuectelScripts.Modem(line, clock, false));
            LinkResult keptA = link.Subscribe("a/#", 1);
            LinkResult keptB = link.Subscribe("b", 0);
            QuectelScripts.BringUp(line, false);
            QuectelScripts.Configure(line, false, null);
            QuectelScripts.OpenAndConnect(line);
            line.Expect("AT+QMTSUB=0,1,\"a/#\",1", Ok).Then(300, "\r\n+QMTSUB: 0,1,0,1\r\n");
            line.Expect("AT+QMTSUB=0,2,\"b\",0", Ok).Then(300, "\r\n+QMTSUB: 0,2,0,0\r\n");

            LinkResult first = link.Connect(QuectelScripts.Options());
            LinkResult again = link.Subscribe("a/#", 1);
            line.Send("\r\n+QMTSTAT: 0,1\r\n");
            link.Poll(10);
            QuectelScripts.Configure(line, false, null);
            QuectelScripts.OpenAndConnect(line);
            line.Expect("AT+QMTSUB=0,3,\"a/#\",1", Ok).Then(300, "\r\n+QMTSUB: 0,3,0,1\r\n");
            line.Expect("AT+QMTSUB=0,4,\"b\",0", Ok).Then(300, "\r\n+QMTSUB: 0,4,0,0\r\n");
            LinkResult second = link.Connect(QuectelScripts.Options());

            Assert.AreEqual((int)LinkResult.Ok, (int)keptA);
            Assert.AreEqual((int)LinkResult.Ok, (int)keptB);
            Assert.AreEqual((int)LinkResult.Ok, (int)first, link.LastError);
            Assert.AreEqual((int)LinkResult.Ok, (int)again);
            Assert.AreEqual((int)LinkResult.Ok, (int)second, link.LastError);
            Assert.AreEqual(4, line.CountWritten("AT+QMTSUB="));
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        [DataRow("a/+/b")]
        [DataRow("a/#")]
        [DataRow("")]
        public void Publish_TopicNameWithWildcardOrEmpty_RefusedBeforeAnyAtCommand(string topic)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, true);
            int written = line.Written.Length;
            byte[] payload = new byte[] { 0x7B, 0x7D };

            LinkResult result = link.Publish(topic, payload, 0, payload.Length, 1);

            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)result);
            Assert.AreEqual(written, line.Written.Length);
            Assert.IsTrue(link.IsConnected);
        }

        [TestMethod]
        public void Subscribe_BadFilter_RefusedBeforeAnyAtCommand()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, false);
            int written = line.Written.Length;

            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)link.Subscribe("a/b#", 1));
            Assert.AreEqual(written, line.Written.Length);
        }

        private const string Ok = QuectelScripts.Ok;

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void Connect_HealthyModem_RunsBringUpConfigOpenConnect(bool ec20)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);

            QuectelMqttLink link = QuectelScripts.Connected(line, clock, ec20);

            Assert.IsTrue(link.IsConnected);
            Assert.AreEqual(ec20 ? "ec20" : "bc26", link.Kind);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(3)]
        public void Connect_RepliesSplitEverywhere_StillConnects(int chunk)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.ChunkSize = chunk;

            QuectelMqttLink link = QuectelScripts.Connected(line, clock, true);

            Assert.IsTrue(link.IsConnected);
        }

        [TestMethod]
        public void Connect_Ec20Tls_UploadsCaConfiguresSslContextAndMqttSsl()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelScripts.BringUp(line, true);
            byte[] ca = Encoding.UTF8.GetBytes("-----BEGIN CERTIFICATE-----\r\nMIIB\r\n-----END CERTIFICATE-----\r\n");
            line.Expect("AT+QFDEL=\"UFS:ca.pem\"", Ok);
            line.Expect("AT+QFUPL=\"UFS:ca.pem\"," + ca.Length.ToString() + ",60", "\r\nCONNECT\r\n");
            line.ExpectData(ca, "\r\n+QFUPL: " + ca.Length.ToString() + ",1a2b\r\n" + Ok);
            line.Expect("AT+QSSLCFG=\"sslversion\",0,4", Ok).Expect("AT+QSSLCFG=\"ciphersuite\",0,0xFFFF", Ok)
                .Expect("AT+QSSLCFG=\"seclevel\",0,1", Ok).Expect("AT+QSSLCFG=\"cacert\",0,\"UFS:ca.pem\"", Ok)
                .Expect("AT+QSSLCFG=\"ignorelocaltime\",0,1", Ok).Expect("AT+QSSLCFG=\"sni\",0,1", Ok);
            QuectelScripts.Configure(line, true, "1,0");
            line.Expect("AT+QMTOPEN=0,\"iot.example.com\",8883", Ok).Then(2000, "\r\n+QMTOPEN: 0,0\r\n");
            line.Expect("AT+QMTCONN=0,\"dev1_0_0_2026112510\",\"dev1\",\"pw\"", Ok).Then(500, "\r\n+QMTCONN: 0,0,0\r\n");
            QuectelMqttLink link = new QuectelMqttLink(QuectelScripts.Modem(line, clock, true));
            link.CaCertificate = ca;
            MqttConnectOptions options = QuectelScripts.Options();
            options.Port = 8883;
            options.UseTls = true;

            LinkResult result = link.Connect(options);

            Assert.AreEqual((int)LinkResult.Ok, (int)result, link.LastError);
            Assert.IsNull(line.Failure);
            Assert.AreEqual(0, line.Unmet);
        }

        [TestMethod]
        public void Connect_Bc26WithTls_InvalidArgumentWithoutSending()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = new QuectelMqttLink(QuectelScripts.Modem(line, clock, false));
            MqttConnectOptions options = QuectelScripts.Options();
            options.UseTls = true;

            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)link.Connect(options));
            Assert.AreEqual(string.Empty, line.Written);
        }

        [TestMethod]
        [DataRow(-1, 5)]
        [DataRow(1, 5)]
        [DataRow(3, 5)]
        [DataRow(4, 5)]
        [DataRow(5, 5)]
        public void Connect_QmtOpenFails_TypedErrorWithModemCode(int code, int expected)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelScripts.BringUp(line, false);
            QuectelScripts.Configure(line, false, null);
            line.Expect("AT+QMTOPEN=0,\"iot.example.com\",1883", Ok).Then(100, "\r\n+QMTOPEN: 0," + code.ToString() + "\r\n");
            QuectelMqttLink link = new QuectelMqttLink(QuectelScripts.Modem(line, clock, false));

            LinkResult result = link.Connect(QuectelScripts.Options());

            Assert.AreEqual(expected, (int)result);
            Assert.AreEqual((int)ModemErrorKind.OpenFailed, (int)link.Mqtt.LastError.Kind);
            Assert.AreEqual(code, link.Mqtt.LastError.Code);
            Assert.IsTrue(link.LastError.StartsWith("+QMTOPEN " + code.ToString() + ": "));
            Assert.IsFalse(link.IsConnected);
        }

        [TestMethod]
        public void Connect_IdentifierOccupied_ClosesAndRetriesOnce()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelScripts.BringUp(line, false);
            QuectelScripts.Configure(line, false, null);
            line.Expect("AT+QMTOPEN=0,\"iot.example.com\",1883", Ok).Then(100, "\r\n+QMTOPEN: 0,2\r\n");
            line.Expect("AT+QMTCLOSE=0", Ok).Then(100, "\r\n+QMTCLOSE: 0,0\r\n");
            QuectelScripts.OpenAndConnect(line);
            QuectelMqttLink link = new QuectelMqttLink(QuectelScripts.Modem(line, clock, false));

            Assert.AreEqual((int)LinkResult.Ok, (int)link.Connect(QuectelScripts.Options()));
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        [DataRow(1, "unacceptable protocol version")]
        [DataRow(2, "identifier rejected")]
        [DataRow(3, "server unavailable")]
        [DataRow(4, "bad user name or password")]
        [DataRow(5, "not authorized")]
        public void Connect_ConnackRefused_RefusedWithCodeAndSocketClosed(int code, string text)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelScripts.BringUp(line, false);
            QuectelScripts.Configure(line, false, null);
            line.Expect("AT+QMTOPEN=0,\"iot.example.com\",1883", Ok).Then(100, "\r\n+QMTOPEN: 0,0\r\n");
            line.Expect("AT+QMTCONN=0,\"dev1_0_0_2026112510\",\"dev1\",\"pw\"", Ok).Then(100, "\r\n+QMTCONN: 0,0," + code.ToString() + "\r\n");
            line.Expect("AT+QMTCLOSE=0", Ok).Then(100, "\r\n+QMTCLOSE: 0,0\r\n");
            QuectelMqttLink link = new QuectelMqttLink(QuectelScripts.Modem(line, clock, false));

            LinkResult result = link.Connect(QuectelScripts.Options());

            Assert.AreEqual((int)LinkResult.Refused, (int)result);
            Assert.AreEqual((int)ModemErrorKind.ConnackRefused, (int)link.Mqtt.LastError.Kind);
            Assert.AreEqual(code, link.Mqtt.LastError.Code);
            Assert.IsTrue(link.LastError.IndexOf(text) > 0);
            Assert.IsTrue(link.LastError.IndexOf("pw") < 0);
            Assert.AreEqual(0, line.Unmet);
        }

        [TestMethod]
        public void Connect_QmtConnResultNeverArrives_Timeout()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelScripts.BringUp(line, false);
            QuectelScripts.Configure(line, false, null);
            line.Expect("AT+QMTOPEN=0,\"iot.example.com\",1883", Ok).Then(100, "\r\n+QMTOPEN: 0,0\r\n");
            line.Expect("AT+QMTCONN=0,\"dev1_0_0_2026112510\",\"dev1\",\"pw\"", Ok);
            line.Expect("AT+QMTCLOSE=0", Ok).Then(100, "\r\n+QMTCLOSE: 0,0\r\n");
            QuectelMqttLink link = new QuectelMqttLink(QuectelScripts.Modem(line, clock, false));

            LinkResult result = link.Connect(QuectelScripts.Options());

            Assert.AreEqual((int)LinkResult.Timeout, (int)result);
            Assert.IsTrue(clock.UptimeMs >= 45000L);
        }

        [TestMethod]
        public void Connect_NoSim_RefusedWithCmeCode()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT", Ok).Expect("ATE0", Ok).Expect("AT+CMEE=1", Ok).Expect("AT+CEREG=1", Ok).Expect("AT+QSCLK=0", Ok);
            line.Expect("AT+CPIN?", "\r\n+CME ERROR: 10\r\n");
            QuectelModem modem = QuectelScripts.Modem(line, clock, false);
            QuectelMqttLink link = new QuectelMqttLink(modem);

            LinkResult result = link.Connect(QuectelScripts.Options());

            Assert.AreEqual((int)LinkResult.Refused, (int)result);
            Assert.AreEqual((int)ModemErrorKind.CmeError, (int)modem.LastError.Kind);
            Assert.AreEqual(10, modem.LastError.Code);
        }

        [TestMethod]
        public void Subscribe_Granted_RememberedAndRedoneAfterQmtstat()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, false);
            line.Expect("AT+QMTSUB=0,1,\"$oc/devices/dev1/sys/commands/#\",1", Ok).Then(300, "\r\n+QMTSUB: 0,1,0,1\r\n");
            ArrayList lost = new ArrayList();
            link.Lost += delegate(string reason) { lost.Add(reason); };

            LinkResult subscribed = link.Subscribe("$oc/devices/dev1/sys/commands/#", 1);
            line.Send("\r\n+QMTSTAT: 0,2\r\n");
            link.Poll(10);
            QuectelScripts.Configure(line, false, null);
            QuectelScripts.OpenAndConnect(line);
            line.Expect("AT+QMTSUB=0,2,\"$oc/devices/dev1/sys/commands/#\",1", Ok).Then(300, "\r\n+QMTSUB: 0,2,0,1\r\n");
            LinkResult reconnected = link.Connect(QuectelScripts.Options());

            Assert.AreEqual((int)LinkResult.Ok, (int)subscribed);
            Assert.AreEqual(1, lost.Count);
            Assert.AreEqual("+QMTSTAT 2: PINGREQ timed out or failed", (string)lost[0]);
            Assert.AreEqual((int)LinkResult.Ok, (int)reconnected);
            Assert.IsTrue(link.IsConnected);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(6)]
        [DataRow(7)]
        [DataRow(200)]
        public void Poll_Qmtstat_LostWithReasonAndDisconnected(int code)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, false);
            ArrayList lost = new ArrayList();
            link.Lost += delegate(string reason) { lost.Add(reason); };
            line.Send("\r\n+QMTSTAT: 0," + code.ToString() + "\r\n");

            link.Poll(10);

            Assert.AreEqual(1, lost.Count);
            Assert.IsTrue(((string)lost[0]).StartsWith("+QMTSTAT " + code.ToString() + ": "));
            Assert.IsFalse(link.IsConnected);
            Assert.AreEqual(code, link.Mqtt.LastError.Code);
            Assert.AreEqual((int)LinkResult.NotConnected, (int)link.Publish("t", new byte[1], 0, 1, 0));
        }

        [TestMethod]
        public void Subscribe_RejectedBy128_Refused()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, true);
            line.Expect("AT+QMTSUB=0,1,\"a/b\",1", Ok).Then(300, "\r\n+QMTSUB: 0,1,0,128\r\n");

            LinkResult result = link.Subscribe("a/b", 1);

            Assert.AreEqual((int)LinkResult.Refused, (int)result);
            Assert.AreEqual((int)ModemErrorKind.SubscribeRejected, (int)link.Mqtt.LastError.Kind);
        }

        [TestMethod]
        [DataRow("a\"b")]
        [DataRow("a\r\nAT+QPOWD=1")]
        [DataRow("a\u001A")]
        [DataRow("")]
        public void SubscribeAndPublish_UnsafeTopic_InvalidArgumentNothingSent(string topic)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, false);
            int written = line.Written.Length;

            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)link.Subscribe(topic, 0));
            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)link.Publish(topic, new byte[] { 1 }, 0, 1, 0));
            Assert.AreEqual(written, line.Written.Length);
        }

        [TestMethod]
        public void Publish_Bc26HostilePayload_SentRawInDataModeOnly()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, false);
            string hostile = "{\"a\":\"x\",\r\nAT+QPOWD=1\r\n+++\"}";
            line.Expect("AT+QMTPUB=0,1,1,0,\"up\"", "\r\n> ");
            line.ExpectData(hostile + "\u001A", Ok).Then(400, "\r\n+QMTPUB: 0,1,0\r\n");
            byte[] payload = Encoding.UTF8.GetBytes(hostile);

            LinkResult result = link.Publish("up", payload, 0, payload.Length, 1);

            Assert.AreEqual((int)LinkResult.Ok, (int)result);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        [DataRow(0x1A)]
        [DataRow(0x1B)]
        public void Publish_Bc26PayloadWithDataModeTerminator_RefusedNothingSent(int terminator)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, false);
            int written = line.Written.Length;

            LinkResult result = link.Publish("up", new byte[] { 0x41, (byte)terminator, 0x41 }, 0, 3, 0);

            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)result);
            Assert.AreEqual(written, line.Written.Length);
        }

        [TestMethod]
        public void Publish_Ec20AnyBytes_LengthFormExactBytesNoCtrlZ()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, true);
            byte[] payload = new byte[] { 0x22, 0x0D, 0x0A, 0x41, 0x54, 0x0D, 0x1A, 0x1B, 0x2B, 0x2B, 0x2B };
            line.Expect("AT+QMTPUB=0,0,0,0,\"up\",11", "\r\n> ");
            line.ExpectData(payload, Ok + "\r\n+QMTPUB: 0,0,0\r\n");

            LinkResult result = link.Publish("up", payload, 0, payload.Length, 0);

            Assert.AreEqual((int)LinkResult.Ok, (int)result);
            Assert.IsNull(line.Failure);
            Assert.AreEqual(0, line.Unmet);
        }

        [TestMethod]
        public void Publish_TooLarge_InvalidArgument()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, false);

            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)link.Publish("up", new byte[1025], 0, 1025, 0));
            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)link.Publish("up", new byte[4], 2, 4, 0));
            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)link.Publish("up", new byte[4], 0, 4, 2));
        }

        [TestMethod]
        [DataRow(1, 5)]
        [DataRow(2, 5)]
        public void Publish_PacketResultFailure_TypedPacketError(int code, int expected)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, true);
            line.Expect("AT+QMTPUB=0,1,1,0,\"up\",2", "\r\n> ");
            line.ExpectData("{}", Ok).Then(40000, "\r\n+QMTPUB: 0,1," + code.ToString() + "\r\n");

            LinkResult result = link.Publish("up", Encoding.UTF8.GetBytes("{}"), 0, 2, 1);

            Assert.AreEqual(expected, (int)result);
            Assert.AreEqual((int)ModemErrorKind.PacketFailed, (int)link.Mqtt.LastError.Kind);
            Assert.AreEqual(code, link.Mqtt.LastError.Code);
            Assert.IsTrue(link.IsConnected);
        }

        [TestMethod]
        [DataRow("2,3", 2)]
        [DataRow(" 1", 1)]
        [DataRow("\"2\"", 2)]
        [DataRow("x", -1)]
        [DataRow("1234567890", -1)]
        public void Publish_ResultFieldNotPlainDigits_ReadLikeTheOtherResults(string field, int code)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, true);
            line.Expect("AT+QMTPUB=0,1,1,0,\"up\",2", "\r\n> ");
            line.ExpectData("{}", Ok).Then(100, "\r\n+QMTPUB: 0,1," + field + "\r\n");

            LinkResult result = link.Publish("up", Encoding.UTF8.GetBytes("{}"), 0, 2, 1);

            Assert.AreEqual((int)LinkResult.Failed, (int)result);
            Assert.AreEqual((int)ModemErrorKind.PacketFailed, (int)link.Mqtt.LastError.Kind);
            Assert.AreEqual(code, link.Mqtt.LastError.Code);
        }

        [TestMethod]
        public void Publish_PromptNeverComes_TimeoutEscAndResync()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, false);
            line.Expect("AT+QMTPUB=0,1,1,0,\"up\"", null);
            line.ExpectData(new byte[] { 0x1B }, null);
            line.Expect("AT", Ok);

            LinkResult result = link.Publish("up", Encoding.UTF8.GetBytes("{}"), 0, 2, 1);

            Assert.AreEqual((int)LinkResult.Timeout, (int)result);
            Assert.IsNull(line.Failure);
            Assert.AreEqual(0, line.Unmet);
        }

        [TestMethod]
        public void Publish_RebootMidPublish_FailsLostOnPollAndFullRedoOnConnect()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, true);
            line.Expect("AT+QMTPUB=0,1,1,0,\"up\",2", "\r\n> ");
            line.ExpectData("{}", "\r\nRDY\r\n\r\n+CPIN: READY\r\n");
            ArrayList lost = new ArrayList();
            link.Lost += delegate(string reason) { lost.Add(reason); };

            LinkResult published = link.Publish("up", Encoding.UTF8.GetBytes("{}"), 0, 2, 1);
            int lostBeforePoll = lost.Count;
            link.Poll(10);
            QuectelScripts.BringUp(line, true);
            QuectelScripts.Configure(line, true, "0");
            QuectelScripts.OpenAndConnect(line);
            LinkResult reconnected = link.Connect(QuectelScripts.Options());

            Assert.AreEqual((int)LinkResult.Failed, (int)published);
            Assert.AreEqual(0, lostBeforePoll);
            Assert.AreEqual(1, lost.Count);
            Assert.AreEqual("modem rebooted", (string)lost[0]);
            Assert.AreEqual((int)LinkResult.Ok, (int)reconnected);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Poll_Bc26RecvHex_JsonMessageDecoded()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, false);
            ArrayList received = new ArrayList();
            line.Send("\r\n+QMTRECV: 0,3,\"$oc/devices/dev1/sys/commands/request_id=42\",\"7B227061726173223A7B226C6564223A226F6E222C226E223A317D7D\"\r\n");

            link.Poll(10);
            TakenMessages.Into(link, received, "|");

            Assert.AreEqual(1, received.Count);
            Assert.AreEqual("$oc/devices/dev1/sys/commands/request_id=42|{\"paras\":{\"led\":\"on\",\"n\":1}}", (string)received[0]);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(5)]
        [DataRow(256)]
        public void Poll_Ec20RecvWithLength_ExactBytesEvenWithLineBreaks(int chunk)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, true);
            line.ChunkSize = chunk;
            ArrayList received = new ArrayList();
            line.Send("\r\n+QMTRECV: 0,0,\"down\",11,\"a\"\r\nOK\r\n\",b\"\r\n\r\n+QMTRECV: 0,0,\"d2\",0,\"\"\r\n");

            for (int i = 0; i < 200 && received.Count < 2; i++)
            {
                link.Poll(10);
                TakenMessages.Into(link, received, "|");
            }

            Assert.AreEqual(2, received.Count);
            Assert.AreEqual("down|a\"\r\nOK\r\n\",b", (string)received[0]);
            Assert.AreEqual("d2|", (string)received[1]);
            Assert.IsTrue(link.IsConnected);
        }

        [TestMethod]
        public void Disconnect_Connected_SendsDiscAndClose()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, false);
            line.Expect("AT+QMTDISC=0", Ok).Then(100, "\r\n+QMTDISC: 0,0\r\n");
            line.Expect("AT+QMTCLOSE=0", Ok).Then(100, "\r\n+QMTCLOSE: 0,0\r\n");

            link.Disconnect();

            Assert.IsFalse(link.IsConnected);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Unsubscribe_TwoPhase_ResultAndTypedFailure()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, false);
            line.Expect("AT+QMTUNS=0,7,\"a/b\"", Ok).Then(200, "\r\n+QMTUNS: 0,7,0\r\n");
            line.Expect("AT+QMTUNS=0,8,\"a/b\"", Ok).Then(200, "\r\n+QMTUNS: 0,8,2\r\n");

            bool first = link.Mqtt.Unsubscribe("a/b", 7);
            bool second = link.Mqtt.Unsubscribe("a/b", 8);

            Assert.IsTrue(first);
            Assert.IsFalse(second);
            Assert.AreEqual((int)ModemErrorKind.PacketFailed, (int)link.Mqtt.LastError.Kind);
            Assert.AreEqual(2, link.Mqtt.LastError.Code);
            Assert.IsFalse(link.Mqtt.Unsubscribe("a\"b", 9));
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Connect_QmtcfgRefused_TypedCmeErrorNamesTheCommand()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelScripts.BringUp(line, false);
            line.Expect("AT+QMTCFG=?", QuectelScripts.QmtcfgList(false)).Expect("AT+QMTCFG=\"version\",0,4", Ok)
                .Expect("AT+QMTCFG=\"keepalive\",0,120", "\r\n+CME ERROR: 50\r\n");
            QuectelMqttLink link = new QuectelMqttLink(QuectelScripts.Modem(line, clock, false));

            LinkResult result = link.Connect(QuectelScripts.Options());

            Assert.AreEqual((int)LinkResult.Refused, (int)result);
            Assert.AreEqual(50, link.Mqtt.LastError.Code);
            Assert.AreEqual("AT+QMTCFG=\"keepalive\",0,120: +CME ERROR: 50", link.LastError);
        }

        [TestMethod]
        public void Poll_Bc26PayloadPosingAsUrc_ArrivesAsDataAndLinkStaysUp()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, false);
            ArrayList received = new ArrayList();
            ArrayList lost = new ArrayList();
            link.Lost += delegate(string reason) { lost.Add(reason); };
            line.Send("\r\n+QMTRECV: 0,4,\"t\",\"0d0a2b514d54535441543a20302c310d0a\"\r\n\r\n+QMTRECV: 0,5,\"t\",\"4G\"\r\n");

            link.Poll(10);
            link.Poll(10);
            TakenMessages.PayloadsInto(link, received);

            Assert.AreEqual(1, received.Count);
            Assert.AreEqual("\r\n+QMTSTAT: 0,1\r\n", (string)received[0]);
            Assert.AreEqual(0, lost.Count);
            Assert.IsTrue(link.IsConnected);
        }

        [TestMethod]
        [DataRow("+QMTRECV: 0,1,\"a/b\",\"{\"k\":\"v,w\"}\"", "a/b", "{\"k\":\"v,w\"}")]
        [DataRow("+QMTRECV: 0,1,\"a\",\"\"", "a", "")]
        public void QuectelRecv_TextLine_TopicAndPayloadToLastQuote(string text, string topic, string payload)
        {
            int index;
            string parsedTopic;

            Assert.IsTrue(QuectelRecv.TryParseTopic(text, out index, out parsedTopic));
            Assert.AreEqual(topic, parsedTopic);
            Assert.AreEqual(payload, Encoding.UTF8.GetString(QuectelRecv.PayloadOfLine(text, false), 0, payload.Length));
        }

        [TestMethod]
        [DataRow("+QMTRECV: 0,1,\"a\",\"ABC\"")]
        [DataRow("+QMTRECV: 0,1,\"a\",\"zz\"")]
        [DataRow("+QMTRECV: 0,1,\"a\"")]
        [DataRow("+QMTRECV: 0,1")]
        public void QuectelRecv_BadHexOrShape_NoPayload(string text)
        {
            Assert.IsNull(QuectelRecv.PayloadOfLine(text, true));
        }

        [TestMethod]
        public void Publish_DownlinkStormDuringCommand_QueueBoundedOldestDropped()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, true);
            string storm = string.Empty;
            for (int i = 0; i < 10; i++)
            {
                storm += "\r\n+QMTRECV: 0,0,\"d\",1,\"" + i.ToString() + "\"\r\n";
            }

            line.Expect("AT+QMTPUB=0,0,0,0,\"up\",1", storm + "\r\n> ");
            line.ExpectData("x", Ok + "\r\n+QMTPUB: 0,0,0\r\n");
            ArrayList received = new ArrayList();

            LinkResult result = link.Publish("up", new byte[] { 0x78 }, 0, 1, 0);
            TakenMessages.PayloadsInto(link, received);

            Assert.AreEqual((int)LinkResult.Ok, (int)result);
            Assert.AreEqual(8, received.Count);
            Assert.AreEqual("2", (string)received[0]);
            Assert.AreEqual("9", (string)received[7]);
            Assert.AreEqual(2, link.DroppedMessages);
        }

        [TestMethod]
        public void Publish_QmtstatWhileWaitingForResult_EndsAtOnceWithLinkLost()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, true);
            long start = clock.UptimeMs;
            line.Expect("AT+QMTPUB=0,1,1,0,\"up\",2", "\r\n> ");
            line.ExpectData("{}", Ok).Then(2000, "\r\n+QMTSTAT: 0,1\r\n");
            ArrayList lost = new ArrayList();
            link.Lost += delegate(string reason) { lost.Add(reason); };

            LinkResult result = link.Publish("up", Encoding.UTF8.GetBytes("{}"), 0, 2, 1);
            link.Poll(10);

            Assert.AreEqual((int)LinkResult.NotConnected, (int)result);
            Assert.AreEqual((int)ModemErrorKind.LinkLost, (int)link.Mqtt.LastError.Kind);
            Assert.IsTrue(clock.UptimeMs - start < 3000);
            Assert.AreEqual(1, lost.Count);
            Assert.IsFalse(link.IsConnected);
        }

        [TestMethod]
        public void Qmtstat_DuringUnrelatedCommand_CommandCompletesLossReportedOnPoll()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelScripts.BringUp(line, false);
            QuectelScripts.Configure(line, false, null);
            QuectelScripts.OpenAndConnect(line);
            QuectelModem modem = QuectelScripts.Modem(line, clock, false);
            QuectelMqttLink link = new QuectelMqttLink(modem);
            link.Connect(QuectelScripts.Options());
            line.Expect("AT+CSQ", "\r\n+QMTSTAT: 0,7\r\n\r\n+CSQ: 20,99\r\n" + Ok);
            ArrayList lost = new ArrayList();
            link.Lost += delegate(string reason) { lost.Add(reason); };
            int rssi;
            int ber;

            bool read = modem.ReadSignal(out rssi, out ber);
            int lostBeforePoll = lost.Count;
            link.Poll(10);

            Assert.IsTrue(read);
            Assert.AreEqual(20, rssi);
            Assert.AreEqual(0, lostBeforePoll);
            Assert.AreEqual(1, lost.Count);
            Assert.AreEqual("+QMTSTAT 7: link not alive or server unavailable", (string)lost[0]);
        }

        [TestMethod]
        public void Connect_BringUpFailedHalfWay_NextConnectRedoesIt()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT", Ok).Expect("ATE0", Ok).Expect("AT+CMEE=1", Ok).Expect("AT+CEREG=1", Ok);
            line.Expect("AT+QURCCFG=\"urcport\",\"uart1\"", Ok).Expect("AT+CGREG=1", Ok);
            line.Expect("AT+CPIN?", "\r\n+CPIN: READY\r\n" + Ok);
            line.Expect("AT+CEREG?", "\r\n+CEREG: 1,1\r\n" + Ok);
            line.Expect("AT+QIACT?", Ok).Expect("AT+QIACT=1", "\r\n+CME ERROR: 30\r\n");
            QuectelMqttLink link = new QuectelMqttLink(QuectelScripts.Modem(line, clock, true));

            LinkResult first = link.Connect(QuectelScripts.Options());
            QuectelScripts.BringUp(line, true);
            QuectelScripts.Configure(line, true, "0");
            QuectelScripts.OpenAndConnect(line);
            LinkResult second = link.Connect(QuectelScripts.Options());

            Assert.AreEqual((int)LinkResult.Refused, (int)first);
            Assert.AreEqual((int)LinkResult.Ok, (int)second, link.LastError);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        [DataRow("pw\",\"x")]
        [DataRow("pw\r\nAT+QPOWD=1")]
        public void Connect_PasswordThatWouldBreakQuotes_InvalidArgumentNeverSent(string password)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = new QuectelMqttLink(QuectelScripts.Modem(line, clock, false));
            MqttConnectOptions options = QuectelScripts.Options();
            options.Password = password;

            LinkResult result = link.Connect(options);

            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)result);
            Assert.AreEqual(string.Empty, line.Written);
            Assert.IsTrue(link.LastError.IndexOf("pw") < 0);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void PdpDeactivated_ThenQmtstat_ReconnectBringsTheBearerUpAgain()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, true);
            line.Send("\r\n+QIURC: \"pdpdeact\",1\r\n\r\n+QMTSTAT: 0,1\r\n");
            link.Poll(10);
            line.Expect("AT", Ok).Expect("ATE0", Ok).Expect("AT+CMEE=1", Ok).Expect("AT+CEREG=1", Ok);
            line.Expect("AT+QURCCFG=\"urcport\",\"uart1\"", Ok).Expect("AT+CGREG=1", Ok);
            line.Expect("AT+CPIN?", "\r\n+CPIN: READY\r\n" + Ok);
            line.Expect("AT+CEREG?", "\r\n+CEREG: 1,1\r\n" + Ok);
            line.Expect("AT+QIACT?", Ok).Expect("AT+QIACT=1", Ok);
            QuectelScripts.Configure(line, true, "0");
            QuectelScripts.OpenAndConnect(line);

            LinkResult result = link.Connect(QuectelScripts.Options());

            Assert.AreEqual((int)LinkResult.Ok, (int)result, link.LastError);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Connect_AfterLossNotYetPolled_OldLossNotRaisedForNewSession()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, false);
            ArrayList lost = new ArrayList();
            link.Lost += delegate(string reason) { lost.Add(reason); };
            line.Expect("AT+QMTSUB=0,1,\"a\",0", "\r\n+QMTSTAT: 0,1\r\n" + Ok).Then(100, "\r\n+QMTSUB: 0,1,2\r\n");
            QuectelScripts.Configure(line, false, null);
            QuectelScripts.OpenAndConnect(line);

            LinkResult subscribed = link.Subscribe("a", 0);
            LinkResult result = link.Connect(QuectelScripts.Options());
            link.Poll(10);

            Assert.AreEqual((int)LinkResult.NotConnected, (int)subscribed);
            Assert.AreEqual((int)LinkResult.Ok, (int)result, link.LastError);
            Assert.AreEqual(0, lost.Count);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
            Assert.IsTrue(link.IsConnected);
        }
    }
}
