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
    /// <summary>
    /// The Quectel driver asks the module which QMTCFG forms it has (AT+QMTCFG=?) and skips, with a log line, the
    /// optional steps an older firmware refuses, instead of failing the whole session (docs/modems.md, per-model tables).
    /// </summary>
    [TestClass]
    public class QuectelFirmwareFormsTests
    {
        private const string Ok = QuectelScripts.Ok;

        [TestMethod]
        public void Connect_Bc26ListsVersionZeroOrOne_SendsTheHigherNumber()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelScripts.BringUp(line, false);
            line.Expect("AT+QMTCFG=?", "\r\n+QMTCFG: \"echomode\",(0-5),(0,1)\r\n+QMTCFG: \"dataformat\",(0-5),(0,1),(0,1)\r\n"
                + "+QMTCFG: \"version\",(0-5),(0,1)\r\n+QMTCFG: \"keepalive\",(0-5),(0-3600)\r\n" + Ok);
            line.Expect("AT+QMTCFG=\"version\",0,1", Ok);
            QuectelScripts.ConfigureAfterVersion(line, false, null);
            QuectelScripts.OpenAndConnect(line);
            QuectelMqttLink link = new QuectelMqttLink(QuectelScripts.Modem(line, clock, false));

            LinkResult result = link.Connect(QuectelScripts.Options());

            Assert.AreEqual((int)LinkResult.Ok, (int)result, link.LastError);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Connect_Bc26RefusesVersion_LoggedSkippedAndSessionOpens()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            RecordingLog log = new RecordingLog();
            QuectelScripts.BringUp(line, false);
            line.Expect("AT+QMTCFG=?", "\r\nERROR\r\n");
            line.Expect("AT+QMTCFG=\"version\",0,4", "\r\n+CME ERROR: 4\r\n");
            QuectelScripts.ConfigureAfterVersion(line, false, null);
            QuectelScripts.OpenAndConnect(line);
            QuectelMqttLink link = new QuectelMqttLink(QuectelScripts.Modem(line, clock, false, log));

            LinkResult result = link.Connect(QuectelScripts.Options());

            Assert.AreEqual((int)LinkResult.Ok, (int)result, link.LastError);
            Assert.IsTrue(log.Contains("\"version\""), log.All());
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Connect_Ec20OldFirmwareWithoutRecvModeAndSni_SessionOpensAndReceivesInlinePayloads()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            RecordingLog log = new RecordingLog();
            QuectelScripts.BringUp(line, true);
            line.Expect("AT+QSSLCFG=\"sslversion\",0,4", Ok).Expect("AT+QSSLCFG=\"ciphersuite\",0,0xFFFF", Ok)
                .Expect("AT+QSSLCFG=\"seclevel\",0,1", Ok).Expect("AT+QSSLCFG=\"cacert\",0,\"UFS:ca.pem\"", Ok)
                .Expect("AT+QSSLCFG=\"ignorelocaltime\",0,1", Ok).Expect("AT+QSSLCFG=\"sni\",0,1", "\r\n+CME ERROR: 4\r\n");
            line.Expect("AT+QMTCFG=?", "\r\n+QMTCFG: \"version\",(0-5),(3,4)\r\n+QMTCFG: \"pdpcid\",(0-5),(1-16)\r\n"
                + "+QMTCFG: \"ssl\",(0-5),(0,1),(0-5)\r\n+QMTCFG: \"keepalive\",(0-5),(0-3600)\r\n" + Ok);
            line.Expect("AT+QMTCFG=\"version\",0,4", Ok).Expect("AT+QMTCFG=\"keepalive\",0,120", Ok)
                .Expect("AT+QMTCFG=\"session\",0,1", Ok).Expect("AT+QMTCFG=\"timeout\",0,10,3,0", Ok)
                .Expect("AT+QMTCFG=\"pdpcid\",0,1", Ok).Expect("AT+QMTCFG=\"ssl\",0,1,0", Ok);
            line.Expect("AT+QMTOPEN=0,\"iot.example.com\",8883", Ok).Then(2000, "\r\n+QMTOPEN: 0,0\r\n");
            line.Expect("AT+QMTCONN=0,\"dev1_0_0_2026112510\",\"dev1\",\"pw\"", Ok).Then(500, "\r\n+QMTCONN: 0,0,0\r\n");
            QuectelMqttLink link = new QuectelMqttLink(QuectelScripts.Modem(line, clock, true, log));
            MqttConnectOptions options = QuectelScripts.Options();
            options.Port = 8883;
            options.UseTls = true;

            LinkResult result = link.Connect(options);
            line.Send("\r\n+QMTRECV: 0,1,\"down\",\"{\"a\":1}\"\r\n");
            link.Poll(10);
            string topic;
            byte[] payload;
            bool taken = link.TryTakeMessage(out topic, out payload);

            Assert.AreEqual((int)LinkResult.Ok, (int)result, link.LastError);
            Assert.IsTrue(log.Contains("sni"), log.All());
            Assert.IsTrue(log.Contains("recv/mode"), log.All());
            Assert.IsTrue(taken);
            Assert.AreEqual("down", topic);
            Assert.AreEqual("{\"a\":1}", Encoding.UTF8.GetString(payload, 0, payload.Length));
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Connect_Ec20RefusesRecvModeThoughListed_FallsBackToInlinePayloads()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelScripts.BringUp(line, true);
            line.Expect("AT+QMTCFG=?", "\r\nERROR\r\n");
            line.Expect("AT+QMTCFG=\"version\",0,4", Ok).Expect("AT+QMTCFG=\"keepalive\",0,120", Ok)
                .Expect("AT+QMTCFG=\"session\",0,1", Ok).Expect("AT+QMTCFG=\"timeout\",0,10,3,0", Ok)
                .Expect("AT+QMTCFG=\"recv/mode\",0,0,1", "\r\nERROR\r\n")
                .Expect("AT+QMTCFG=\"pdpcid\",0,1", Ok).Expect("AT+QMTCFG=\"ssl\",0,0", Ok);
            QuectelScripts.OpenAndConnect(line);
            QuectelMqttLink link = new QuectelMqttLink(QuectelScripts.Modem(line, clock, true));

            LinkResult result = link.Connect(QuectelScripts.Options());
            line.Send("\r\n+QMTRECV: 0,1,\"down\",\"on\"\r\n");
            link.Poll(10);
            string topic;
            byte[] payload;
            bool taken = link.TryTakeMessage(out topic, out payload);

            Assert.AreEqual((int)LinkResult.Ok, (int)result, link.LastError);
            Assert.IsTrue(taken);
            Assert.AreEqual("on", Encoding.UTF8.GetString(payload, 0, payload.Length));
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Disconnect_Qmtstat5AfterOwnQmtdisc_NoLossRaised()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, true);
            ArrayList lost = new ArrayList();
            link.Lost += delegate(string reason) { lost.Add(reason); };
            line.Expect("AT+QMTDISC=0", Ok).Then(100, "\r\n+QMTSTAT: 0,5\r\n").Then(10, "\r\n+QMTDISC: 0,0\r\n");
            line.Expect("AT+QMTCLOSE=0", Ok).Then(100, "\r\n+QMTCLOSE: 0,0\r\n");

            link.Disconnect();
            link.Poll(10);

            Assert.AreEqual(0, lost.Count);
            Assert.IsFalse(link.IsConnected);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Poll_Qmtstat5WithoutOwnDisconnect_StillALoss()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelMqttLink link = QuectelScripts.Connected(line, clock, true);
            ArrayList lost = new ArrayList();
            link.Lost += delegate(string reason) { lost.Add(reason); };

            line.Send("\r\n+QMTSTAT: 0,5\r\n");
            link.Poll(10);

            Assert.AreEqual(1, lost.Count);
            Assert.IsFalse(link.IsConnected);
        }
    }
}
