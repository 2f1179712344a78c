#nullable enable
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Emulators;

namespace StmNode.IntegrationTests.Emulators
{
    [TestClass]
    public class EspAtEmulatorTests
    {
        internal static EmulatorOptions Options(int guardMs = 100) => new EmulatorOptions
        {
            GuardTimeMs = guardMs,
            BrokerTimeoutMs = 2000,
            WifiSsid = "lab",
            WifiPassword = "pw",
        };

        internal static async Task<EmulatorRig> JoinedAsync()
        {
            EmulatorRig rig = await EmulatorRig.StartAsync(o => new EspAtEmulator(o), Options());
            DeviceScript d = rig.Device;
            d.LineEnding = "\r\n";
            d.WaitFor("\r\nready\r\n");
            d.Command("ATE0");
            d.Command("AT+CWMODE=1");
            d.Command("AT+CWJAP=\"lab\",\"pw\"");
            d.Skip();
            return rig;
        }

        internal static async Task<EmulatorRig> ConnectedAsync(int reconnect = 0)
        {
            EmulatorRig rig = await JoinedAsync();
            DeviceScript d = rig.Device;
            d.Command("AT+MQTTUSERCFG=0,1,\"esp-node\",\"user\",\"secret\",0,0,\"\"");
            Assert.AreEqual("\r\n+MQTTCONNECTED:0,1,\"127.0.0.1\"," + rig.Broker.Port + ",\"\"," + reconnect + "\r\n\r\nOK\r\n",
                d.Command("AT+MQTTCONN=0,\"127.0.0.1\"," + rig.Broker.Port + "," + reconnect));
            Assert.AreEqual("\r\nOK\r\n", d.Command("AT+MQTTSUB=0,\"down/#\",1"));
            return rig;
        }

        [TestMethod]
        public async Task Boot_Ready_EchoUntilAte0_WifiJoin()
        {
            await using EmulatorRig rig = await EmulatorRig.StartAsync(o => new EspAtEmulator(o), Options());
            DeviceScript d = rig.Device;
            d.LineEnding = "\r\n";
            d.WaitFor("\r\nready\r\n");
            d.Send("AT\r");
            d.AssertAbsent("OK", 100);
            d.Send("\n");
            Assert.AreEqual("AT\r\n\r\nOK\r\n", d.WaitFor("\r\nOK\r\n"));
            Assert.AreEqual("AT\r\n\r\nOK\r\n", d.Command("AT"));
            d.Command("ATE0");
            StringAssert.StartsWith(d.Command("AT+GMR"), "\r\nAT version:2.2.0.0");
            Assert.AreEqual("\r\n+CWMODE:1\r\n\r\nOK\r\n", d.Command("AT+CWMODE?"));
            Assert.AreEqual("\r\n+CWJAP:2\r\n\r\nERROR\r\n", d.Command("AT+CWJAP=\"lab\",\"wrong\"", "ERROR\r\n"));
            Assert.AreEqual("\r\nNo AP\r\n\r\nOK\r\n", d.Command("AT+CWJAP?"));
            Assert.AreEqual("\r\nWIFI CONNECTED\r\n\r\nWIFI GOT IP\r\n\r\nOK\r\n", d.Command("AT+CWJAP=\"lab\",\"pw\""));
            StringAssert.StartsWith(d.Command("AT+CWJAP?"), "\r\n+CWJAP:\"lab\",");
            Assert.AreEqual("\r\nERROR\r\n", d.Command("AT+NOSUCH", "ERROR\r\n"));
            Assert.AreEqual("\r\nERROR\r\n", d.Command("AT+CWMODE=7", "ERROR\r\n"));
            Assert.AreEqual("\r\nERROR\r\n", d.Command("AT+MQTTPUB=0,\"t\",\"" + new string('x', 260) + "\",0,0", "ERROR\r\n"));
        }

        [TestMethod]
        public async Task Mqtt_ConnectSubscribePublishRawAndEscaped_ReceiveSubrecv()
        {
            await using EmulatorRig rig = await ConnectedAsync();
            DeviceScript d = rig.Device;
            Assert.AreEqual("\r\n+MQTTCONN:0,6,1,\"127.0.0.1\"," + rig.Broker.Port + ",\"\",0\r\n\r\nOK\r\n", d.Command("AT+MQTTCONN?"));
            Assert.AreEqual("\r\nALREADY SUBSCRIBE\r\n\r\nOK\r\n", d.Command("AT+MQTTSUB=0,\"down/#\",1"));

            byte[] raw = Encoding.UTF8.GetBytes("{\"t\":21,\"list\":[1,2]}");
            Assert.AreEqual("\r\nOK\r\n\r\n>", d.Command("AT+MQTTPUBRAW=0,\"up/raw\"," + raw.Length + ",1,0", "\r\n>"));
            d.SendBytes(raw);
            Assert.AreEqual("+MQTTPUB:OK", d.WaitForLine("+MQTTPUB:"));
            ReceivedPublish? up = rig.Broker.NextPublish();
            Assert.IsNotNull(up);
            CollectionAssert.AreEqual(raw, up.Payload);
            Assert.AreEqual(1, up.Qos);

            Assert.AreEqual("\r\nOK\r\n", d.Command("AT+MQTTPUB=0,\"up/str\",\"{\\\"a\\\":1\\,\\\"b\\\":2}\",0,0"));
            Assert.AreEqual("{\"a\":1,\"b\":2}", Encoding.UTF8.GetString(rig.Broker.NextPublish()!.Payload));

            await rig.Broker.PublishFromOtherClientAsync("down/led", Encoding.UTF8.GetBytes("{\"led\":\"on\"}"), 1);
            Assert.AreEqual("+MQTTSUBRECV:0,\"down/led\",12,{\"led\":\"on\"}", d.WaitForLine("+MQTTSUBRECV:"));

            Assert.AreEqual("\r\nOK\r\n", d.Command("AT+MQTTUNSUB=0,\"down/#\""));
            Assert.AreEqual("\r\nNO UNSUBSCRIBE\r\n\r\nOK\r\n", d.Command("AT+MQTTUNSUB=0,\"down/#\""));
            Assert.AreEqual("\r\nOK\r\n", d.Command("AT+MQTTCLEAN=0"));
            Assert.AreEqual("esp-node", rig.Broker.NextDisconnect());
        }

        [TestMethod]
        public async Task LongPassword_AndRefusedConnect_GiveError()
        {
            await using EmulatorRig rig = await JoinedAsync();
            DeviceScript d = rig.Device;
            d.Command("AT+MQTTUSERCFG=0,1,\"esp-node\",\"bad\",\"\",0,0,\"\"");
            Assert.AreEqual("\r\nOK\r\n\r\n>", d.Command("AT+MQTTLONGPASSWORD=0,5", "\r\n>"));
            d.Send("hello");
            d.WaitFor("\r\nOK\r\n");
            Assert.AreEqual("\r\nERROR\r\n", d.Command("AT+MQTTCONN=0,\"127.0.0.1\"," + rig.Broker.Port + ",0", "ERROR\r\n"));
            Assert.AreEqual("\r\nERROR\r\n", d.Command("AT+MQTTSUB=0,\"down/#\",1", "ERROR\r\n"));
        }

        [TestMethod]
        public async Task BlockingConnect_AnswersBusy_ThenErrorWhenNoConnack()
        {
            var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            silent.Start();
            try
            {
                EmulatorOptions options = new EmulatorOptions { BrokerTimeoutMs = 500, GuardTimeMs = 100 };
                await using EmulatorRig rig = await EmulatorRig.StartAsync(o => new EspAtEmulator(o), options);
                DeviceScript d = rig.Device;
                d.LineEnding = "\r\n";
                d.WaitFor("\r\nready\r\n");
                d.Command("ATE0");
                d.Command("AT+CWJAP=\"any\",\"thing\"");
                d.Command("AT+MQTTUSERCFG=0,1,\"esp-node\",\"\",\"\",0,0,\"\"");
                int port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
                d.Send("AT+MQTTCONN=0,\"127.0.0.1\"," + port + ",0\r\n");
                await Task.Delay(100);
                Assert.AreEqual("\r\nbusy p...\r\n", d.Command("AT", "busy p...\r\n"));
                d.WaitFor("\r\nERROR\r\n", 3000);
                Assert.AreEqual("\r\nOK\r\n", d.Command("AT"));
            }
            finally
            {
                silent.Stop();
            }
        }

        [TestMethod]
        public async Task BrokerStop_ReportsDisconnected()
        {
            await using EmulatorRig rig = await ConnectedAsync();
            await rig.Broker.StopAsync();
            Assert.AreEqual("+MQTTDISCONNECTED:0", rig.Device.WaitForLine("+MQTTDISCONNECTED:"));
            Assert.AreEqual("\r\nERROR\r\n", rig.Device.Command("AT+MQTTPUB=0,\"t\",\"x\",0,0", "ERROR\r\n"));
        }

        [TestMethod]
        public async Task DroppedLink_WithReconnect_ReconnectsAndResubscribes()
        {
            await using EmulatorRig rig = await ConnectedAsync(1);
            DeviceScript d = rig.Device;
            rig.Emulator.Faults.DropMqtt();
            Assert.AreEqual("+MQTTDISCONNECTED:0", d.WaitForLine("+MQTTDISCONNECTED:"));
            StringAssert.StartsWith(d.WaitForLine("+MQTTCONNECTED:"), "+MQTTCONNECTED:0,1,\"127.0.0.1\",");
            await Task.Delay(200);
            await rig.Broker.PublishFromOtherClientAsync("down/again", Encoding.UTF8.GetBytes("x"), 0);
            Assert.AreEqual("+MQTTSUBRECV:0,\"down/again\",1,x", d.WaitForLine("+MQTTSUBRECV:"));
        }

        [TestMethod]
        public async Task Reboot_RejoinsStoredAp_AndForgetsMqtt()
        {
            await using EmulatorRig rig = await ConnectedAsync();
            DeviceScript d = rig.Device;
            d.Command("AT+RST");
            Assert.AreEqual("\r\nready\r\n\r\nWIFI CONNECTED\r\n\r\nWIFI GOT IP\r\n", d.WaitFor("GOT IP\r\n"));
            Assert.AreEqual("AT+MQTTCONN?\r\n\r\nOK\r\n", d.Command("AT+MQTTCONN?"));
        }

        [TestMethod]
        public async Task TransparentTcp_CipsendRelays_PlusEscapes_ClosedOnHangup()
        {
            await using EmulatorRig rig = await JoinedAsync();
            using var peer = new EchoServer();
            DeviceScript d = rig.Device;
            Assert.AreEqual("\r\nCONNECT\r\n\r\nOK\r\n", d.Command("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + peer.Port));
            d.Command("AT+CIPMODE=1");
            Assert.AreEqual("\r\nOK\r\n\r\n>", d.Command("AT+CIPSEND", "\r\n>"));
            d.Send("data");
            d.WaitFor("echo:data");
            await Task.Delay(150);
            d.Send("+++");
            await Task.Delay(250);
            Assert.AreEqual("\r\nOK\r\n", d.Command("AT"));
            Assert.AreEqual("\r\nOK\r\n\r\n>", d.Command("AT+CIPSEND", "\r\n>"));
            d.Send("more");
            d.WaitFor("echo:more");
            peer.HangUp();
            d.WaitFor("\r\nCLOSED\r\n");
            Assert.AreEqual("\r\nOK\r\n", d.Command("AT+CIPMODE=0"));
        }
    }
}
