#nullable enable
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Emulators;

namespace StmNode.IntegrationTests.Emulators
{
    [TestClass]
    public class Bc26EmulatorTests
    {
        private const string Json = "{\"services\":[{\"service_id\":\"env\",\"properties\":{\"t\":21.5,\"h\":40}}]}";

        internal static async Task<EmulatorRig> BootedAsync(EmulatorOptions? options = null)
        {
            EmulatorRig rig = await EmulatorRig.StartAsync(o => new Bc26Emulator(o), options);
            rig.Device.WaitFor("Leaving the BROM\r\n");
            rig.Device.Send("AT\r");
            rig.Device.AssertAbsent("OK", 100);
            rig.Device.Command("AT");
            rig.Device.Command("ATE0");
            rig.Device.Skip();
            return rig;
        }

        internal static async Task<EmulatorRig> ConnectedAsync(string subscribe = "down/#")
        {
            EmulatorRig rig = await BootedAsync();
            DeviceScript d = rig.Device;
            d.Command("AT+QMTOPEN=0,\"127.0.0.1\"," + rig.Broker.Port);
            Assert.AreEqual("+QMTOPEN: 0,0", d.WaitForLine("+QMTOPEN:"));
            d.Command("AT+QMTCONN=0,\"node-1\",\"user\",\"secret\"");
            Assert.AreEqual("+QMTCONN: 0,0,0", d.WaitForLine("+QMTCONN:"));
            d.Command("AT+QMTSUB=0,1,\"" + subscribe + "\",1");
            Assert.AreEqual("+QMTSUB: 0,1,0,1", d.WaitForLine("+QMTSUB:"));
            return rig;
        }

        [TestMethod]
        public async Task Boot_FirstAtOnlySyncsBaud_ThenEchoUntilAte0()
        {
            await using EmulatorRig rig = await EmulatorRig.StartAsync(o => new Bc26Emulator(o));
            DeviceScript d = rig.Device;
            d.WaitFor("F1: 0000 0000\r\n");
            d.WaitFor("Leaving the BROM\r\n");
            d.WaitFor("\r\n+IP: 10.32.0.2\r\n");
            d.Send("AT\r");
            d.AssertAbsent("OK", 150);
            Assert.AreEqual("AT\r\r\nOK\r\n", d.Command("AT"));
            Assert.AreEqual("ATE0\r\r\nOK\r\n", d.Command("ATE0"));
            Assert.AreEqual("\r\nOK\r\n", d.Command("AT"));
            Assert.AreEqual("\r\nOK\r\n", d.Command("ATE1"));
            Assert.AreEqual("AT\r\r\nOK\r\n", d.Command("AT"));
        }

        [TestMethod]
        public async Task Identity_And_Network_AnswerInTheDocumentedShapes()
        {
            await using EmulatorRig rig = await BootedAsync();
            DeviceScript d = rig.Device;
            Assert.AreEqual("\r\nQuectel\r\nBC26\r\nRevision: BC26NBR01A10\r\n\r\nOK\r\n", d.Command("ATI"));
            Assert.AreEqual("\r\nBC26NBR01A10\r\n\r\nOK\r\n", d.Command("AT+GMR"));
            Assert.AreEqual("\r\n+CGSN: 866971030000001\r\n\r\nOK\r\n", d.Command("AT+CGSN=1"));
            Assert.AreEqual("\r\n+QCCID: 89860000000000000001\r\n\r\nOK\r\n", d.Command("AT+QCCID"));
            Assert.AreEqual("\r\n460001234567890\r\n\r\nOK\r\n", d.Command("AT+CIMI"));
            Assert.AreEqual("\r\n+CPIN: READY\r\n\r\nOK\r\n", d.Command("AT+CPIN?"));
            Assert.AreEqual("\r\n+CSQ: 22,99\r\n\r\nOK\r\n", d.Command("AT+CSQ"));
            StringAssert.StartsWith(d.Command("AT+CESQ"), "\r\n+CESQ: 99,99,255,255,20,45\r\n");
            Assert.AreEqual("\r\n+CEREG: 0,1\r\n\r\nOK\r\n", d.Command("AT+CEREG?"));
            Assert.AreEqual("\r\n+CGATT: 1\r\n\r\nOK\r\n", d.Command("AT+CGATT?"));
            // The MT2625 form: four-digit year, unquoted, GMT±hours.
            StringAssert.Matches(d.Command("AT+CCLK?"), new System.Text.RegularExpressions.Regex("^\\r\\n\\+CCLK: \\d{4}/\\d\\d/\\d\\d,\\d\\d:\\d\\d:\\d\\dGMT\\+0\\r\\n\\r\\nOK\\r\\n$"));
            StringAssert.Matches(d.Command("AT+QLTS"), new System.Text.RegularExpressions.Regex("^\\r\\n\\+QLTS: \"\\d{4}/\\d\\d/\\d\\d,\\d\\d:\\d\\d:\\d\\d\\+00,0\"\\r\\n\\r\\nOK\\r\\n$"));
            Assert.AreEqual("\r\n+CFUN: 1\r\n\r\nOK\r\n", d.Command("AT+CFUN?"));
        }

        [TestMethod]
        public async Task Errors_UnknownIsError_BadParameterFollowsCmee()
        {
            await using EmulatorRig rig = await BootedAsync();
            DeviceScript d = rig.Device;
            Assert.AreEqual("\r\nERROR\r\n", d.Command("AT+NOSUCH", "ERROR\r\n"));
            Assert.AreEqual("\r\n+CME ERROR: 50\r\n", d.Command("AT+QMTOPEN=9,\"h\",1", "50\r\n"));
            d.Command("AT+CMEE=2");
            Assert.AreEqual("\r\n+CME ERROR: incorrect parameters\r\n", d.Command("AT+QMTCFG=\"keepalive\",0,4000", "parameters\r\n"));
            d.Command("AT+CMEE=0");
            Assert.AreEqual("\r\nERROR\r\n", d.Command("AT+QMTCFG=\"ssl\",0,1", "ERROR\r\n"));
            Assert.AreEqual("\r\nERROR\r\n", d.Command("AT+QMTCONN=0,\"x\"", "ERROR\r\n"));
        }

        [TestMethod]
        public async Task QmtCfg_SetThenQuery_ReturnsValues()
        {
            await using EmulatorRig rig = await BootedAsync();
            DeviceScript d = rig.Device;
            Assert.AreEqual("\r\n+QMTCFG: \"keepalive\",120\r\n\r\nOK\r\n", d.Command("AT+QMTCFG=\"keepalive\",0"));
            d.Command("AT+QMTCFG=\"keepalive\",0,60");
            Assert.AreEqual("\r\n+QMTCFG: \"keepalive\",60\r\n\r\nOK\r\n", d.Command("AT+QMTCFG=\"keepalive\",0"));
            d.Command("AT+QMTCFG=\"timeout\",0,5,2,1");
            Assert.AreEqual("\r\n+QMTCFG: \"timeout\",5,2,1\r\n\r\nOK\r\n", d.Command("AT+QMTCFG=\"timeout\",0"));
            d.Command("AT+QMTCFG=\"will\",0,1,1,0,\"will/t\",\"bye\"");
            Assert.AreEqual("\r\n+QMTCFG: \"will\",1,1,0,\"will/t\",\"bye\"\r\n\r\nOK\r\n", d.Command("AT+QMTCFG=\"will\",0"));
            Assert.AreEqual("\r\n+CME ERROR: 50\r\n", d.Command("AT+QMTCFG=\"will\",0,1,1,0", "50\r\n"));
        }

        [TestMethod]
        public async Task Mqtt_OpenConnectSubscribePublishReceive_TalksToTheBroker()
        {
            await using EmulatorRig rig = await ConnectedAsync();
            DeviceScript d = rig.Device;
            Assert.AreEqual("\r\n+QMTOPEN: 0,\"127.0.0.1\"," + rig.Broker.Port + "\r\n\r\nOK\r\n", d.Command("AT+QMTOPEN?"));
            Assert.AreEqual("\r\n+QMTCONN: 0,3\r\n\r\nOK\r\n", d.Command("AT+QMTCONN?"));

            d.Send("AT+QMTPUB=0,2,1,0,\"up/props\"\r");
            d.WaitFor("\r\n> ");
            d.Send(Json + "\u001a");
            d.WaitFor("\r\nOK\r\n");
            Assert.AreEqual("+QMTPUB: 0,2,0", d.WaitForLine("+QMTPUB:"));
            ReceivedPublish? up = rig.Broker.NextPublish();
            Assert.IsNotNull(up);
            Assert.AreEqual("up/props", up.Topic);
            Assert.AreEqual(Json, Encoding.UTF8.GetString(up.Payload));
            Assert.AreEqual(1, up.Qos);

            await rig.Broker.PublishFromOtherClientAsync("down/cmd", Encoding.UTF8.GetBytes("{\"led\":\"on\",\"x\":\"a,b\"}"), 0);
            Assert.AreEqual("+QMTRECV: 0,0,\"down/cmd\",\"{\"led\":\"on\",\"x\":\"a,b\"}\"", d.WaitForLine("+QMTRECV:"));

            d.Command("AT+QMTUNS=0,3,\"down/#\"");
            Assert.AreEqual("+QMTUNS: 0,3,0", d.WaitForLine("+QMTUNS:"));
            d.Command("AT+QMTDISC=0");
            Assert.AreEqual("+QMTDISC: 0,0", d.WaitForLine("+QMTDISC:"));
            Assert.AreEqual("\r\nOK\r\n", d.Command("AT+QMTCONN?"));
        }

        [TestMethod]
        public async Task Publish_InlineAndQos0AndEscape_BehaveAsDocumented()
        {
            await using EmulatorRig rig = await ConnectedAsync();
            DeviceScript d = rig.Device;
            d.Command("AT+QMTPUB=0,0,0,0,\"up/inline\",\"hello\"");
            Assert.AreEqual("+QMTPUB: 0,0,0", d.WaitForLine("+QMTPUB:"));
            Assert.AreEqual("hello", Encoding.UTF8.GetString(rig.Broker.NextPublish()!.Payload));

            d.Send("AT+QMTPUB=0,0,0,0,\"up/cancel\"\r");
            d.WaitFor("\r\n> ");
            d.Send("never sent\u001b");
            d.WaitFor("\r\nOK\r\n");
            d.AssertAbsent("+QMTPUB:", 150);
            Assert.IsNull(rig.Broker.NextPublish(100));

            Assert.AreEqual("\r\n+CME ERROR: 50\r\n", d.Command("AT+QMTPUB=0,0,1,0,\"up/x\"", "50\r\n"));
            Assert.AreEqual("\r\n+CME ERROR: 50\r\n", d.Command("AT+QMTPUB=0,1,1,0,\"up/x\",12", "50\r\n"));
        }

        [TestMethod]
        public async Task EchoMode_EchoesThePayload()
        {
            await using EmulatorRig rig = await ConnectedAsync();
            DeviceScript d = rig.Device;
            d.Command("AT+QMTCFG=\"echomode\",0,1");
            d.Send("AT+QMTPUB=0,0,0,0,\"up/echo\"\r");
            d.WaitFor("\r\n> ");
            d.Send("abc\u001a");
            Assert.AreEqual("abc\r\nOK\r\n", d.WaitFor("\r\nOK\r\n"));
            Assert.AreEqual("+QMTPUB: 0,0,0", d.WaitForLine("+QMTPUB:"));
        }

        [TestMethod]
        public async Task Qmtconn_BadPassword_ReportsConnackCode()
        {
            await using EmulatorRig rig = await BootedAsync();
            DeviceScript d = rig.Device;
            d.Command("AT+QMTOPEN=0,\"127.0.0.1\"," + rig.Broker.Port);
            Assert.AreEqual("+QMTOPEN: 0,0", d.WaitForLine("+QMTOPEN:"));
            d.Command("AT+QMTCONN=0,\"node-1\",\"bad\",\"wrong\"");
            Assert.AreEqual("+QMTCONN: 0,0,4", d.WaitForLine("+QMTCONN:"));
        }

        [TestMethod]
        public async Task QmtOpen_ClosedPortAndBusyIndex_ReportResultCodes()
        {
            await using EmulatorRig rig = await BootedAsync();
            DeviceScript d = rig.Device;
            d.Command("AT+QMTOPEN=1,\"127.0.0.1\"," + TestBroker.FreePort());
            Assert.AreEqual("+QMTOPEN: 1,-1", d.WaitForLine("+QMTOPEN:"));
            d.Command("AT+QMTOPEN=0,\"127.0.0.1\"," + rig.Broker.Port);
            Assert.AreEqual("+QMTOPEN: 0,0", d.WaitForLine("+QMTOPEN:"));
            d.Command("AT+QMTOPEN=0,\"127.0.0.1\"," + rig.Broker.Port);
            Assert.AreEqual("+QMTOPEN: 0,2", d.WaitForLine("+QMTOPEN:"));
            d.Command("AT+QMTCLOSE=0");
            Assert.AreEqual("+QMTCLOSE: 0,0", d.WaitForLine("+QMTCLOSE:"));
            d.Command("AT+CFUN=0");
            d.Command("AT+QMTOPEN=0,\"127.0.0.1\"," + rig.Broker.Port);
            Assert.AreEqual("+QMTOPEN: 0,3", d.WaitForLine("+QMTOPEN:"));
        }

        [TestMethod]
        public async Task BrokerStop_ReportsQmtstat()
        {
            await using EmulatorRig rig = await ConnectedAsync();
            await rig.Broker.StopAsync();
            Assert.AreEqual("+QMTSTAT: 0,1", rig.Device.WaitForLine("+QMTSTAT:"));
            Assert.AreEqual("\r\nOK\r\n", rig.Device.Command("AT+QMTCONN?"));
        }

        [TestMethod]
        public async Task DataFormatHex_ReceivesPayloadAsHex()
        {
            await using EmulatorRig rig = await BootedAsync();
            DeviceScript d = rig.Device;
            d.Command("AT+QMTCFG=\"dataformat\",0,0,1");
            d.Command("AT+QMTOPEN=0,\"127.0.0.1\"," + rig.Broker.Port);
            d.WaitForLine("+QMTOPEN:");
            d.Command("AT+QMTCONN=0,\"node-1\"");
            Assert.AreEqual("+QMTCONN: 0,0,0", d.WaitForLine("+QMTCONN:"));
            d.Command("AT+QMTSUB=0,1,\"down/#\",0");
            Assert.AreEqual("+QMTSUB: 0,1,0,0", d.WaitForLine("+QMTSUB:"));
            await rig.Broker.PublishFromOtherClientAsync("down/1", new byte[] { 0x22, 0x00, 0xFF }, 0);
            Assert.AreEqual("+QMTRECV: 0,0,\"down/1\",\"2200FF\"", d.WaitForLine("+QMTRECV:"));
        }

        [TestMethod]
        public async Task Registration_DelayedAttach_IsPolledAndAnnounced()
        {
            await using EmulatorRig rig = await EmulatorRig.StartAsync(o => new Bc26Emulator(o), EmulatorRig.FastOptions(400));
            DeviceScript d = rig.Device;
            d.WaitFor("Leaving the BROM\r\n");
            d.Send("AT\r");
            d.Command("ATE0");
            d.Command("AT+CEREG=1");
            Assert.AreEqual("\r\n+CEREG: 1,2\r\n\r\nOK\r\n", d.Command("AT+CEREG?"));
            Assert.AreEqual("\r\n+CGATT: 0\r\n\r\nOK\r\n", d.Command("AT+CGATT?"));
            Assert.AreEqual("+IP: 10.32.0.2", d.WaitForLine("+IP:"));
            Assert.AreEqual("+CEREG: 1", d.WaitForLine("+CEREG:"));
            Assert.AreEqual("\r\n+CEREG: 1,1\r\n\r\nOK\r\n", d.Command("AT+CEREG?"));
        }

        [TestMethod]
        public async Task Qpowd_PowersDown_UntilPowerOn()
        {
            await using EmulatorRig rig = await BootedAsync();
            DeviceScript d = rig.Device;
            d.Command("AT+QPOWD=1");
            d.WaitFor("\r\nPOWERED DOWN\r\n");
            Assert.IsTrue(rig.Emulator.IsPoweredOff);
            d.Send("AT\r");
            d.AssertAbsent("OK", 150);
            rig.Emulator.PowerOn();
            d.WaitFor("Leaving the BROM\r\n");
        }

        [TestMethod]
        public async Task Qrst_Reboots_AndLosesEchoAndMqttState()
        {
            await using EmulatorRig rig = await ConnectedAsync();
            DeviceScript d = rig.Device;
            d.Command("AT+QRST=1");
            d.WaitFor("Leaving the BROM\r\n");
            d.WaitFor("\r\n+IP: 10.32.0.2\r\n");
            Assert.AreEqual("node-1", rig.Broker.NextDisconnect());
            d.Send("AT\r");
            Assert.AreEqual("AT\r\r\nOK\r\n", d.Command("AT"));
            Assert.AreEqual("AT+QMTCONN?\r\r\nOK\r\n", d.Command("AT+QMTCONN?"));
        }
    }
}
