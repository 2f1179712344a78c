#nullable enable
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Emulators;

namespace StmNode.IntegrationTests.Emulators
{
    [TestClass]
    public class Ec20EmulatorTests
    {
        internal static async Task<EmulatorRig> BootedAsync(bool urcPortUart = true)
        {
            EmulatorRig rig = await EmulatorRig.StartAsync(o => new Ec20Emulator(o));
            DeviceScript d = rig.Device;
            d.WaitFor("\r\nRDY\r\n");
            d.Command("ATE0");
            if (urcPortUart)
            {
                d.Command("AT+QURCCFG=\"urcport\",\"uart1\"");
            }

            d.Command("AT+QICSGP=1,1,\"cmnet\",\"\",\"\",1");
            d.Command("AT+QIACT=1");
            d.Skip();
            return rig;
        }

        internal static async Task<EmulatorRig> ConnectedAsync(bool urcPortUart = true, string recvMode = "0,1")
        {
            EmulatorRig rig = await BootedAsync(urcPortUart);
            DeviceScript d = rig.Device;
            d.Command("AT+QMTCFG=\"recv/mode\",0," + recvMode);
            d.Command("AT+QMTOPEN=0,\"127.0.0.1\"," + rig.Broker.Port);
            Assert.AreEqual("+QMTOPEN: 0,0", d.WaitForLine("+QMTOPEN:"));
            d.Command("AT+QMTCONN=0,\"ec20-node\",\"user\",\"secret\"");
            Assert.AreEqual("+QMTCONN: 0,0,0", d.WaitForLine("+QMTCONN:"));
            d.Command("AT+QMTSUB=0,1,\"down/#\",1,\"other/+\",0");
            Assert.AreEqual("+QMTSUB: 0,1,0,1,0", d.WaitForLine("+QMTSUB:"));
            return rig;
        }

        [TestMethod]
        public async Task Boot_RdyAlways_SimUrcsOnlyAfterUrcPortUart1_WhichSurvivesReboot()
        {
            await using EmulatorRig rig = await EmulatorRig.StartAsync(o => new Ec20Emulator(o));
            DeviceScript d = rig.Device;
            d.WaitFor("\r\nRDY\r\n");
            Assert.AreEqual("ATE0\r\r\nOK\r\n", d.Command("ATE0"));
            Assert.IsFalse(d.All.Contains("+CPIN: READY"));
            Assert.AreEqual("\r\n+QURCCFG: \"urcport\",\"usbat\"\r\n\r\nOK\r\n", d.Command("AT+QURCCFG=\"urcport\""));
            d.Command("AT+QURCCFG=\"urcport\",\"uart1\"");
            d.Command("AT+CFUN=1,1");
            d.WaitFor("\r\nRDY\r\n");
            Assert.AreEqual("\r\n+CPIN: READY\r\n\r\n+QUSIM: 1\r\n\r\n+QIND: SMS DONE\r\n\r\n+QIND: PB DONE\r\n", d.WaitFor("PB DONE\r\n"));
            Assert.AreEqual("AT\r\r\nOK\r\n", d.Command("AT"));
            Assert.AreEqual("AT+QURCCFG=\"urcport\"\r\r\n+QURCCFG: \"urcport\",\"uart1\"\r\n\r\nOK\r\n", d.Command("AT+QURCCFG=\"urcport\""));
        }

        [TestMethod]
        public async Task Identity_Registration_Pdp_AnswerInTheDocumentedShapes()
        {
            await using EmulatorRig rig = await EmulatorRig.StartAsync(o => new Ec20Emulator(o));
            DeviceScript d = rig.Device;
            d.WaitFor("\r\nRDY\r\n");
            d.Command("ATE0");
            Assert.AreEqual("\r\nQuectel\r\nEC20F\r\nRevision: EC20CEFAR06A01M4G\r\n\r\nOK\r\n", d.Command("ATI"));
            Assert.AreEqual("\r\n866971030000001\r\n\r\nOK\r\n", d.Command("AT+CGSN"));
            Assert.AreEqual("\r\n+CGREG: 0,1\r\n\r\nOK\r\n", d.Command("AT+CGREG?"));
            Assert.AreEqual("\r\n+CEREG: 0,1\r\n\r\nOK\r\n", d.Command("AT+CEREG?"));
            d.Command("AT+QMTOPEN=0,\"127.0.0.1\"," + rig.Broker.Port);
            Assert.AreEqual("+QMTOPEN: 0,3", d.WaitForLine("+QMTOPEN:"));
            d.Command("AT+QICSGP=1,1,\"cmnet\",\"\",\"\",1");
            Assert.AreEqual("\r\n+QICSGP: 1,\"cmnet\",\"\",\"\",1\r\n\r\nOK\r\n", d.Command("AT+QICSGP=1"));
            d.Command("AT+QIACT=1");
            Assert.AreEqual("\r\nERROR\r\n", d.Command("AT+QIACT=1", "ERROR\r\n"));
            Assert.AreEqual("\r\n+QIACT: 1,1,1,\"10.64.0.2\"\r\n\r\nOK\r\n", d.Command("AT+QIACT?"));
            Assert.AreEqual("\r\n+CME ERROR: 50\r\n", d.Command("AT+QMTCFG=\"dataformat\",0,0,1", "50\r\n"));
            Assert.AreEqual("\r\n+CME ERROR: 50\r\n", d.Command("AT+QMTCFG=\"recv/mode\",0,0,0,1", "50\r\n"));
            d.Command("AT+QMTCFG=\"recv/mode\",0,0,1");
            Assert.AreEqual("\r\n+QMTCFG: \"recv/mode\",0,1\r\n\r\nOK\r\n", d.Command("AT+QMTCFG=\"recv/mode\",0"));
        }

        [TestMethod]
        public async Task FixedLengthPublish_CarriesAnyBytes_AndRecvShowsLength()
        {
            await using EmulatorRig rig = await ConnectedAsync();
            DeviceScript d = rig.Device;
            byte[] payload = Encoding.Latin1.GetBytes("{\"a\":\"x,\u001a\"}");
            d.Send("AT+QMTPUB=0,7,1,1,\"up/fixed\"," + payload.Length + "\r");
            d.WaitFor("\r\n> ");
            d.SendBytes(payload);
            d.WaitFor("\r\nOK\r\n");
            Assert.AreEqual("+QMTPUB: 0,7,0", d.WaitForLine("+QMTPUB:"));
            ReceivedPublish? up = rig.Broker.NextPublish();
            Assert.IsNotNull(up);
            CollectionAssert.AreEqual(payload, up.Payload);
            Assert.IsTrue(up.Retain);

            await rig.Broker.PublishFromOtherClientAsync("down/led", Encoding.UTF8.GetBytes("{\"led\":1}"), 1);
            StringAssert.Matches(d.WaitForLine("+QMTRECV:"), new System.Text.RegularExpressions.Regex("^\\+QMTRECV: 0,[1-9]\\d*,\"down/led\",9,\"\\{\"led\":1\\}\"$"));
        }

        [TestMethod]
        public async Task RecvWithoutLength_AndCtrlZPublish()
        {
            await using EmulatorRig rig = await ConnectedAsync(true, "0");
            DeviceScript d = rig.Device;
            d.Send("AT+QMTPUB=0,0,0,0,\"up/z\"\r");
            d.WaitFor("\r\n> ");
            d.Send("abc\u001a");
            d.WaitFor("\r\nOK\r\n");
            Assert.AreEqual("+QMTPUB: 0,0,0", d.WaitForLine("+QMTPUB:"));
            Assert.AreEqual("abc", Encoding.UTF8.GetString(rig.Broker.NextPublish()!.Payload));
            await rig.Broker.PublishFromOtherClientAsync("other/x", Encoding.UTF8.GetBytes("hi"), 0);
            Assert.AreEqual("+QMTRECV: 0,0,\"other/x\",\"hi\"", d.WaitForLine("+QMTRECV:"));
        }

        [TestMethod]
        public async Task DefaultUrcPort_HidesDownlinkAndQmtstat()
        {
            await using EmulatorRig rig = await ConnectedAsync(false);
            DeviceScript d = rig.Device;
            await rig.Broker.PublishFromOtherClientAsync("down/led", Encoding.UTF8.GetBytes("x"), 0);
            d.AssertAbsent("+QMTRECV", 300);
            d.Command("AT+QURCCFG=\"urcport\",\"uart1\"");
            await rig.Broker.PublishFromOtherClientAsync("down/led", Encoding.UTF8.GetBytes("y"), 0);
            Assert.AreEqual("+QMTRECV: 0,0,\"down/led\",1,\"y\"", d.WaitForLine("+QMTRECV:"));
        }

        [TestMethod]
        public async Task BufferMode_AnnouncesSlot_ThenReadReturnsMessage()
        {
            await using EmulatorRig rig = await ConnectedAsync(true, "1,1");
            DeviceScript d = rig.Device;
            await rig.Broker.PublishFromOtherClientAsync("down/buf", Encoding.UTF8.GetBytes("stored"), 0);
            Assert.AreEqual("+QMTRECV: 0,0", d.WaitForLine("+QMTRECV:"));
            Assert.AreEqual("\r\n+QMTRECV: 0,1,0,0,0,0\r\n\r\nOK\r\n", d.Command("AT+QMTRECV?"));
            Assert.AreEqual("\r\n+QMTRECV: 0,0,\"down/buf\",6,\"stored\"\r\n\r\nOK\r\n", d.Command("AT+QMTRECV=0,0"));
            Assert.AreEqual("\r\nOK\r\n", d.Command("AT+QMTRECV=0,0"));
        }

        [TestMethod]
        public async Task BrokerStop_ReportsQmtstat()
        {
            await using EmulatorRig rig = await ConnectedAsync();
            await rig.Broker.StopAsync();
            Assert.AreEqual("+QMTSTAT: 0,1", rig.Device.WaitForLine("+QMTSTAT:"));
        }

        [TestMethod]
        public async Task Qpowd_PrintsPoweredDown()
        {
            await using EmulatorRig rig = await BootedAsync();
            Assert.AreEqual("\r\nOK\r\n\r\nPOWERED DOWN\r\n", rig.Device.Command("AT+QPOWD", "POWERED DOWN\r\n"));
            rig.Device.Send("AT\r");
            rig.Device.AssertAbsent("OK", 100);
            rig.Emulator.PowerOn();
            rig.Device.WaitFor("\r\nRDY\r\n");
        }

        [TestMethod]
        public async Task TransparentTcp_RelaysBothWays_EscapesWithGuardedPlus_ResumesWithAto_ReportsNoCarrier()
        {
            await using EmulatorRig rig = await BootedAsync();
            using var peer = new EchoServer();
            DeviceScript d = rig.Device;
            Assert.AreEqual("\r\nCONNECT\r\n", d.Command("AT+QIOPEN=1,0,\"TCP\",\"127.0.0.1\"," + peer.Port + ",0,2", "CONNECT\r\n"));
            d.Send("ping");
            d.WaitFor("echo:ping");
            d.Send("a+++b");
            d.WaitFor("echo:a+++b");
            await Task.Delay(150);
            d.Send("+++");
            d.WaitFor("\r\nOK\r\n", 2000);
            Assert.AreEqual("\r\nOK\r\n", d.Command("AT"));
            Assert.AreEqual("\r\nCONNECT\r\n", d.Command("ATO", "CONNECT\r\n"));
            d.Send("again");
            d.WaitFor("echo:again");
            peer.HangUp();
            d.WaitFor("\r\nNO CARRIER\r\n");
            Assert.AreEqual("\r\nOK\r\n", d.Command("AT"));
            Assert.AreEqual("\r\n+CME ERROR: 4\r\n", d.Command("AT+QIOPEN=1,0,\"TCP\",\"127.0.0.1\"," + peer.Port + ",0,0", "4\r\n"));
        }
    }
}
