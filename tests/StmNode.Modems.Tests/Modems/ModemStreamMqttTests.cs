#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Collections;
using System.Text;
using StmNode.Modems;
using StmNode.Mqtt;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Modems
{
    /// <summary>Core's MQTT client over a modem's transparent socket, byte for byte, in virtual time.</summary>
    [TestClass]
    public class ModemStreamMqttTests
    {
        private const string Ok = QuectelScripts.Ok;

        [TestMethod]
        public void StreamMqttLink_OverBc26Socket_ConnectPublishReceiveThenNoCarrierLost()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelScripts.BringUp(line, false); // a fresh modem: the connector brings the bearer up first
            // CONNECT: protocol "MQTT" level 4, flags user+password+clean, keep-alive 60, "c1" / "u" / "p" (MQTT 3.1.1 §3.1).
            byte[] connect = new byte[]
            {
                0x10, 0x14, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0xC2, 0x00, 0x3C,
                0x00, 0x02, 0x63, 0x31, 0x00, 0x01, 0x75, 0x00, 0x01, 0x70
            };
            byte[] publish = new byte[] { 0x30, 0x05, 0x00, 0x01, 0x74, 0x7B, 0x7D };
            line.Expect("AT+QIOPEN=?", QuectelScripts.QiopenList);
            line.Expect("AT+QIOPEN=1,0,\"TCP\",\"broker\",1883,0,2", "\r\nCONNECT\r\n", 900);
            line.ExpectDataRaw(connect, HexBytes.Parse("20 02 00 00"));
            line.ExpectDataRaw(publish, HexBytes.Concat(HexBytes.Parse("30 07 00 01"), HexBytes.Utf8("d\r\nOK")));
            line.Expect("AT+QICLOSE=0", Ok);
            QuectelStreamConnector connector = new QuectelStreamConnector(QuectelScripts.Modem(line, clock, false));
            StreamMqttLink link = new StreamMqttLink(connector, clock, new RecordingLog(), "bc26-socket", 1024);
            ArrayList received = new ArrayList();
            ArrayList lost = new ArrayList();
            link.Lost += delegate(string reason) { lost.Add(reason); };
            MqttConnectOptions options = new MqttConnectOptions();
            options.Host = "broker";
            options.ClientId = "c1";
            options.Username = "u";
            options.Password = "p";
            options.KeepAliveSeconds = 60;

            LinkResult connected = link.Connect(options);
            LinkResult published = link.Publish("t", Encoding.UTF8.GetBytes("{}"), 0, 2, 0);
            link.Poll(100);
            TakenMessages.Into(link, received, "=");
            line.Send("\r\nNO CARRIER\r\n");
            link.Poll(100);
            LinkResult after = link.Publish("t", Encoding.UTF8.GetBytes("\rAT+QPOWD=1\r"), 0, 12, 0);

            Assert.AreEqual((int)LinkResult.Ok, (int)connected, link.LastError);
            Assert.AreEqual((int)LinkResult.Ok, (int)published, link.LastError);
            Assert.AreEqual(1, received.Count);
            Assert.AreEqual("d=\r\nOK", (string)received[0]);
            Assert.AreEqual(1, lost.Count);
            Assert.AreEqual((int)LinkResult.NotConnected, (int)after);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsTrue(line.Written.IndexOf("QPOWD") < 0);
            Assert.IsNull(line.Failure);
        }
    }
}
