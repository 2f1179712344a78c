#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using StmNode.At;
using StmNode.Modems;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Modems
{
    [TestClass]
    public class StreamConnectorTests
    {
        private const string Ok = QuectelScripts.Ok;

        [TestMethod]
        public void QuectelOpen_TransparentSocket_BytesBothWaysThenCloseWithGuardedEscape()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelScripts.BringUp(line, true); // a fresh modem: the connector brings the bearer up first
            line.Expect("AT+QIOPEN=?", QuectelScripts.QiopenList);
            line.Expect("AT+QIOPEN=1,0,\"TCP\",\"broker.example\",1883,0,2", "\r\nCONNECT\r\n", 1200);
            byte[] connect = new byte[] { 0x10, 0x02, 0x41, 0x0D };
            line.ExpectDataRaw(connect, HexBytes.Parse("20 02 00 00"));
            line.ExpectData("+++", Ok);
            line.Expect("AT+QICLOSE=0", Ok);
            QuectelStreamConnector connector = new QuectelStreamConnector(QuectelScripts.Modem(line, clock, true));

            IByteStream stream = connector.Open("broker.example", 1883, false, 150000);
            bool written = stream.Write(connect, 0, connect.Length);
            byte[] buffer = new byte[8];
            int n = stream.Read(buffer, 0, buffer.Length, 1000);
            long slept = clock.SleptMs;
            connector.Close(stream);

            Assert.IsNotNull(stream);
            Assert.IsTrue(written);
            Assert.AreEqual(4, n);
            Assert.AreEqual((byte)0x20, buffer[0]);
            Assert.AreEqual(2000L, clock.SleptMs - slept);
            Assert.AreEqual(-1, stream.Read(buffer, 0, 1, 10));
            Assert.IsFalse(stream.Write(connect, 0, 1));
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void QuectelOpen_Ec20Tls_QsslopenTransparent()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelScripts.BringUp(line, true); // a fresh modem: the connector brings the bearer up first
            line.Expect("AT+QSSLOPEN=1,0,0,\"iot.example\",8883,2", "\r\nCONNECT\r\n");
            QuectelStreamConnector connector = new QuectelStreamConnector(QuectelScripts.Modem(line, clock, true));

            Assert.IsNotNull(connector.Open("iot.example", 8883, true, 150000));
            Assert.IsNull(connector.Open("iot.example", 8883, true, 150000));
            Assert.AreEqual("a stream is already open on this modem", connector.LastError);
        }

        [TestMethod]
        public void QuectelOpen_ModuleListsNoTransparentMode_RefusedWithoutQiopen()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelScripts.BringUp(line, false);
            line.Expect("AT+QIOPEN=?", "\r\n+QIOPEN: (1),(0-4),(\"TCP\",\"UDP\"),\"<IP_address>/<domain_name>\",(1-65535),(0-65535),(0,1)\r\n" + QuectelScripts.Ok);
            QuectelStreamConnector connector = new QuectelStreamConnector(QuectelScripts.Modem(line, clock, false));

            IByteStream stream = connector.Open("h", 1883, false, 150000);

            Assert.IsNull(stream);
            Assert.IsTrue(connector.LastError.IndexOf("no transparent socket") >= 0, connector.LastError);
            Assert.AreEqual(0, line.CountWritten("AT+QIOPEN=1"));
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void QuectelOpen_Refused_NullWithTypedMessage()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelScripts.BringUp(line, false); // a fresh modem: the connector brings the bearer up first
            line.Expect("AT+QIOPEN=?", QuectelScripts.QiopenList);
            line.Expect("AT+QIOPEN=1,0,\"TCP\",\"h\",1883,0,2", "\r\n+CME ERROR: 565\r\n");
            QuectelStreamConnector connector = new QuectelStreamConnector(QuectelScripts.Modem(line, clock, false));

            IByteStream stream = connector.Open("h", 1883, false, 150000);

            Assert.IsNull(stream);
            Assert.AreEqual("AT+QIOPEN: +CME ERROR: 565", connector.LastError);
        }

        [TestMethod]
        [DataRow("h\"\r\nAT+QPOWD=1", 1883, false)]
        [DataRow("", 1883, false)]
        [DataRow("h", 0, false)]
        [DataRow("h", 8883, true)]
        public void QuectelOpen_BadArguments_NothingSent(string host, int port, bool tls)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelScripts.BringUp(line, false); // a fresh modem: the connector brings the bearer up first
            QuectelStreamConnector connector = new QuectelStreamConnector(QuectelScripts.Modem(line, clock, false));

            Assert.IsNull(connector.Open(host, port, tls, 1000));
            Assert.AreEqual(string.Empty, line.Written);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(3)]
        [DataRow(64)]
        public void QuectelStream_RemoteCloseNoCarrier_WritesRefusedSoPayloadNeverBecomesCommand(int chunk)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelScripts.BringUp(line, true); // a fresh modem: the connector brings the bearer up first
            line.Expect("AT+QIOPEN=?", QuectelScripts.QiopenList);
            line.Expect("AT+QIOPEN=1,0,\"TCP\",\"h\",1883,0,2", "\r\nCONNECT\r\n");
            line.Expect("AT+QICLOSE=0", Ok);
            QuectelStreamConnector connector = new QuectelStreamConnector(QuectelScripts.Modem(line, clock, true));
            IByteStream stream = connector.Open("h", 1883, false, 150000);
            line.ChunkSize = chunk;
            line.Send(HexBytes.Concat(HexBytes.Parse("D0 00"), HexBytes.Utf8("\r\nNO CARRIER\r\n")));
            byte[] hostile = Encoding.UTF8.GetBytes("\r\nAT+QPOWD=1\r\n");

            bool written = stream.Write(hostile, 0, hostile.Length);
            byte[] buffer = new byte[64];
            int total = 0;
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length, 10)) > 0)
            {
                total += n;
            }

            connector.Close(stream);

            Assert.IsFalse(written);
            Assert.AreEqual(-1, n);
            Assert.IsTrue(total > 0);
            Assert.IsTrue(line.Written.IndexOf("QPOWD") < 0);
            Assert.IsTrue(line.Written.IndexOf("+++") < 0);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void EspOpen_Passthrough_BytesBothWaysThenClose()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CIPMUX=0", Ok).Expect("AT+CIPMODE=1", Ok);
            line.Expect("AT+CIPSTART=\"TCP\",\"broker.example\",1883", "\r\nCONNECT\r\n\r\nOK\r\n", 700);
            line.Expect("AT+CIPSEND", "\r\nOK\r\n\r\n>");
            line.ExpectDataRaw(Encoding.UTF8.GetBytes("+++AT\r\n"), HexBytes.Parse("50 00"));
            line.ExpectData("+++", null);
            line.Expect("AT", Ok);
            line.Expect("AT+CIPCLOSE", "\r\nCLOSED\r\n" + Ok).Expect("AT+CIPMODE=0", Ok);
            EspAtModem modem = new EspAtModem(new AtChannel(line, clock, new RecordingLog()), new RecordingLog());
            EspAtStreamConnector connector = new EspAtStreamConnector(modem);

            IByteStream stream = connector.Open("broker.example", 1883, false, 10000);
            byte[] data = Encoding.UTF8.GetBytes("+++AT\r\n");
            bool written = stream.Write(data, 0, data.Length);
            byte[] buffer = new byte[4];
            int n = stream.Read(buffer, 0, 4, 100);
            connector.Close(stream);

            Assert.IsTrue(written);
            Assert.AreEqual(2, n);
            Assert.AreEqual((byte)0x50, buffer[0]);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void EspOpen_PromptMissing_NullAndNoResyncWritten()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CIPMUX=0", Ok).Expect("AT+CIPMODE=1", Ok);
            line.Expect("AT+CIPSTART=\"SSL\",\"b\\,x\",8883", "\r\nCONNECT\r\n\r\nOK\r\n");
            line.Expect("AT+CIPSEND", Ok);
            EspAtModem modem = new EspAtModem(new AtChannel(line, clock, new RecordingLog()), new RecordingLog());
            EspAtStreamConnector connector = new EspAtStreamConnector(modem);

            IByteStream stream = connector.Open("b,x", 8883, true, 10000);

            Assert.IsNull(stream);
            Assert.AreEqual("AT+CIPSEND: timeout", connector.LastError);
            Assert.IsNull(line.Failure);
            Assert.IsFalse(modem.Channel.IsTransparent);
        }
    }
}
