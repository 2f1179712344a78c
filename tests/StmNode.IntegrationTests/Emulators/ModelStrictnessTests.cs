#nullable enable
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Emulators;

namespace StmNode.IntegrationTests.Emulators
{
    /// <summary>
    /// Each emulated model refuses what its module and firmware generation refuse (docs/modems.md, per-model tables;
    /// docs/emulators.md): the differences a lax emulator would hide from the drivers.
    /// </summary>
    [TestClass]
    public class ModelStrictnessTests
    {
        private static async Task<EmulatorRig> Ec20Async(bool oldFirmware)
        {
            EmulatorRig rig = await EmulatorRig.StartAsync(o => new Ec20Emulator(o) { OldFirmware = oldFirmware });
            rig.Device.WaitFor("\r\nRDY\r\n");
            rig.Device.Command("ATE0");
            rig.Device.Skip();
            return rig;
        }

        private static async Task<EmulatorRig> EspAsync(bool esp8266)
        {
            EmulatorRig rig = await EmulatorRig.StartAsync(o => new EspAtEmulator(o) { Esp8266 = esp8266 }, EspAtEmulatorTests.Options());
            DeviceScript d = rig.Device;
            d.LineEnding = "\r\n";
            d.WaitFor("\r\nready\r\n");
            d.Command("ATE0");
            d.Command("AT+CWMODE=1");
            d.Command("AT+CWJAP=\"lab\",\"pw\"");
            d.Skip();
            return rig;
        }

        [TestMethod]
        public async Task Bc26_VersionNumberedZeroOne_ListedByTheTestCommand()
        {
            await using EmulatorRig rig = await Bc26EmulatorTests.BootedAsync();
            DeviceScript d = rig.Device;

            StringAssert.Contains(d.Command("AT+QMTCFG=?"), "+QMTCFG: \"version\",(0-5),(0,1)\r\n");
            Assert.AreEqual("\r\n+CME ERROR: 50\r\n", d.Command("AT+QMTCFG=\"version\",0,4", "50\r\n"));
            Assert.AreEqual("\r\nOK\r\n", d.Command("AT+QMTCFG=\"version\",0,1"));
            Assert.IsFalse(d.Command("AT+QMTCFG=?").Contains("recv/mode"));
        }

        [TestMethod]
        public async Task Bc26_QiopenHasOneContextAndNoTransparentMode()
        {
            await using EmulatorRig rig = await Bc26EmulatorTests.BootedAsync();
            DeviceScript d = rig.Device;

            StringAssert.Contains(d.Command("AT+QIOPEN=?"), ",(0,1)\r\n");
            Assert.AreEqual("\r\n+CME ERROR: 552\r\n", d.Command("AT+QIOPEN=2,0,\"TCP\",\"127.0.0.1\"," + rig.Broker.Port + ",0,0", "552\r\n"));
            Assert.AreEqual("\r\n+CME ERROR: 552\r\n", d.Command("AT+QIOPEN=1,0,\"TCP\",\"127.0.0.1\"," + rig.Broker.Port + ",0,2", "552\r\n"));
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public async Task Ec20_RecvModeAndSniOnlyOnNewerFirmware(bool oldFirmware)
        {
            await using EmulatorRig rig = await Ec20Async(oldFirmware);
            DeviceScript d = rig.Device;
            string refused = "\r\n+CME ERROR: 50\r\n";

            string recvMode = d.Command("AT+QMTCFG=\"recv/mode\",0,0,1", oldFirmware ? "50\r\n" : "\r\nOK\r\n");
            string sni = d.Command("AT+QSSLCFG=\"sni\",0,1", oldFirmware ? "50\r\n" : "\r\nOK\r\n");

            Assert.AreEqual(oldFirmware ? refused : "\r\nOK\r\n", recvMode);
            Assert.AreEqual(oldFirmware ? refused : "\r\nOK\r\n", sni);
            Assert.AreEqual(!oldFirmware, d.Command("AT+QMTCFG=?").Contains("\"recv/mode\""));
            StringAssert.Contains(d.Command("AT+QMTCFG=?"), "+QMTCFG: \"version\",(0-5),(3,4)\r\n");
            Assert.AreEqual(refused, d.Command("AT+QSSLCFG=\"seclevel\",0,3", "50\r\n"));
            Assert.AreEqual(refused, d.Command("AT+QSSLCFG=\"ciphersuite\",0,0x1234", "50\r\n"));
            Assert.AreEqual("\r\nOK\r\n", d.Command("AT+QSSLCFG=\"ciphersuite\",0,0xFFFF"));
        }

        [TestMethod]
        public async Task Ec20_FileUploadDeleteAndTheCaPreconditionOfQsslopen()
        {
            await using EmulatorRig rig = await Ec20Async(false);
            DeviceScript d = rig.Device;
            byte[] ca = Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\r\nMIIB\r\n-----END CERTIFICATE-----\r\n");

            d.Command("AT+QSSLCFG=\"seclevel\",0,1");
            d.Command("AT+QSSLCFG=\"cacert\",0,\"UFS:ca.pem\"");
            Assert.AreEqual("\r\n+CME ERROR: 405\r\n", d.Command("AT+QSSLOPEN=1,0,0,\"127.0.0.1\",8883,2", "405\r\n"));
            Assert.AreEqual("\r\n+CME ERROR: 405\r\n", d.Command("AT+QFDEL=\"UFS:ca.pem\"", "405\r\n"));
            Assert.AreEqual("\r\nCONNECT\r\n", d.Command("AT+QFUPL=\"UFS:ca.pem\"," + ca.Length + ",60", "CONNECT\r\n"));
            d.SendBytes(ca);
            Assert.AreEqual("+QFUPL: " + ca.Length + "," + Ec20Emulator.FileChecksum(ca), d.WaitForLine("+QFUPL:"));
            d.WaitFor("\r\nOK\r\n");
            Assert.AreEqual("\r\n+CME ERROR: 407\r\n", d.Command("AT+QFUPL=\"UFS:ca.pem\",10,60", "407\r\n"));
            Assert.AreEqual("\r\n+QFLST: \"UFS:ca.pem\"," + ca.Length + "\r\n\r\nOK\r\n", d.Command("AT+QFLST"));
            d.Command("AT+CFUN=1,1");
            d.WaitFor("\r\nRDY\r\n");
            d.Command("ATE0");
            StringAssert.Contains(d.Command("AT+QFLST"), "UFS:ca.pem");
            Assert.AreEqual("\r\nOK\r\n", d.Command("AT+QFDEL=\"UFS:ca.pem\""));
        }

        [TestMethod]
        public async Task Esp8266_RefusesEveryTlsScheme()
        {
            await using EmulatorRig rig = await EspAsync(true);
            DeviceScript d = rig.Device;

            StringAssert.Contains(d.Command("AT+GMR"), " - ESP8266 - ");
            Assert.AreEqual("\r\nERR CODE:0x00006013\r\n\r\nERROR\r\n", d.Command("AT+MQTTUSERCFG=0,3,\"n\",\"u\",\"p\",0,0,\"\"", "ERROR\r\n"));
            Assert.AreEqual("\r\nOK\r\n", d.Command("AT+MQTTUSERCFG=0,1,\"n\",\"u\",\"p\",0,0,\"\""));
        }

        [TestMethod]
        public async Task Esp32_Scheme3NeedsSntpTimeBeforeMqttconn()
        {
            await using EmulatorRig rig = await EspAsync(false);
            DeviceScript d = rig.Device;
            var traces = new System.Collections.Concurrent.ConcurrentQueue<string>();
            rig.Emulator.Traced += traces.Enqueue;
            d.Command("AT+MQTTUSERCFG=0,3,\"n\",\"u\",\"p\",0,0,\"\"");

            StringAssert.EndsWith(d.Command("AT+CIPSNTPTIME?").Split("\r\n")[1], " 1970");
            Assert.AreEqual("\r\nERROR\r\n", d.Command("AT+MQTTCONN=0,\"127.0.0.1\"," + rig.Broker.Port + ",0", "ERROR\r\n"));
            Assert.IsTrue(string.Join("\n", traces).Contains("without SNTP time"));
            d.Command("AT+CIPSNTPCFG=1,0,\"pool.ntp.org\"");
            d.WaitFor("+TIME_UPDATED\r\n");
            Assert.IsFalse(d.Command("AT+CIPSNTPTIME?").Contains(" 1970\r\n"));
        }

        [TestMethod]
        public async Task EspAt_FinalsAfterNotices_AndCwjapFailureIsError()
        {
            await using EmulatorRig rig = await EspAtEmulatorTests.ConnectedAsync();
            DeviceScript d = rig.Device;

            Assert.AreEqual("\r\nALREADY SUBSCRIBE\r\n\r\nOK\r\n", d.Command("AT+MQTTSUB=0,\"down/#\",1"));
            Assert.AreEqual("\r\nNO UNSUBSCRIBE\r\n\r\nOK\r\n", d.Command("AT+MQTTUNSUB=0,\"never\""));
            Assert.AreEqual("\r\n+CWJAP:2\r\n\r\nERROR\r\n", d.Command("AT+CWJAP=\"lab\",\"wrong\"", "ERROR\r\n"));
        }
    }
}
