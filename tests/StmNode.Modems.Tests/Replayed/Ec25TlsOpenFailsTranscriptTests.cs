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
    /// Source: a Quectel EC25 (firmware EC25AFFAR07A08M4G, EC2x family) opening MQTT over TLS to AWS IoT, log in the
    /// Quectel forum thread "+QMTOPEN: 0,-1 error", https://forums.quectel.com/t/qmtopen-0-1-error/3562/73.
    /// Recorded: "+CPIN: READY" OK, "+CEREG: 0,1" OK, AT+QFDEL OK, and the thread's result: AT+QMTOPEN to port 8883
    /// answered OK, then "+QMTOPEN: 0,-1" (failed to open the network).
    /// Adapted: lines framed CR-LF (the forum shows lines only); our host and file name replace the log's. The start-up,
    /// AT+QIACT?, CA upload (CONNECT, "+QFUPL: size,checksum"), AT+QSSLCFG and AT+QMTCFG lines are our driver's
    /// (QuectelScripts' healthy answers); the log's AT+CREG?, AT+QNWINFO, AT+QCSQ, AT+GSN, AT+COPS?, AT+GMR and
    /// client certificate / key uploads are not sent by our driver.
    /// </summary>
    [TestClass]
    public class Ec25TlsOpenFailsTranscriptTests
    {
        private const string Ok = "\r\nOK\r\n";

        [TestMethod]
        public void Connect_TlsOpenAnsweredMinusOne_OpenFailedWithTheModemsCode()
        {
            SessionReplay replay = new SessionReplay();
            replay.Adapted("AT", Ok).Adapted("ATE0", Ok).Adapted("AT+CMEE=1", Ok).Adapted("AT+CEREG=1", Ok);
            replay.Adapted("AT+QURCCFG=\"urcport\",\"uart1\"", Ok).Adapted("AT+CGREG=1", Ok);
            replay.Logged("AT+CPIN?", "\r\n+CPIN: READY\r\n\r\nOK\r\n");
            replay.Logged("AT+CEREG?", "\r\n+CEREG: 0,1\r\n\r\nOK\r\n");
            replay.Adapted("AT+QIACT?", "\r\n+QIACT: 1,1,1,\"10.0.0.2\"\r\n" + Ok);
            byte[] ca = System.Text.Encoding.UTF8.GetBytes("-----BEGIN CERTIFICATE-----\r\nMIIB\r\n-----END CERTIFICATE-----\r\n");
            replay.Logged("AT+QFDEL=\"UFS:ca.pem\"", Ok);
            replay.Adapted("AT+QFUPL=\"UFS:ca.pem\"," + ca.Length.ToString() + ",60", "\r\nCONNECT\r\n");
            replay.Line.ExpectData(ca, "\r\n+QFUPL: " + ca.Length.ToString() + ",1a2b\r\n" + Ok);
            replay.Adapted("AT+QSSLCFG=\"sslversion\",0,4", Ok).Adapted("AT+QSSLCFG=\"ciphersuite\",0,0xFFFF", Ok)
                .Adapted("AT+QSSLCFG=\"seclevel\",0,1", Ok).Adapted("AT+QSSLCFG=\"cacert\",0,\"UFS:ca.pem\"", Ok)
                .Adapted("AT+QSSLCFG=\"ignorelocaltime\",0,1", Ok).Adapted("AT+QSSLCFG=\"sni\",0,1", Ok);
            QuectelScripts.Configure(replay.Line, true, "1,0");
            replay.Logged("AT+QMTOPEN=0,\"iot.example.com\",8883", Ok).Then(400, "\r\n+QMTOPEN: 0,-1\r\n");
            QuectelMqttLink link = new QuectelMqttLink(QuectelScripts.Modem(replay.Line, replay.Clock, true));
            link.CaCertificate = ca;
            MqttConnectOptions options = QuectelScripts.Options();
            options.Port = 8883;
            options.UseTls = true;

            LinkResult result = link.Connect(options);

            Assert.IsNull(replay.Mismatch, replay.Mismatch);
            Assert.AreNotEqual((int)LinkResult.Ok, (int)result);
            Assert.AreEqual((int)ModemErrorKind.OpenFailed, (int)link.Mqtt.LastError.Kind);
            Assert.AreEqual(-1, link.Mqtt.LastError.Code);
            Assert.IsFalse(link.IsConnected);
        }
    }
}
