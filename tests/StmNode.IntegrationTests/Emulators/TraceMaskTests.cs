#nullable enable
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Emulators;

namespace StmNode.IntegrationTests.Emulators
{
    [TestClass]
    public class TraceMaskTests
    {
        [TestMethod]
        public async Task Trace_MasksPasswordsOfQuectelConnect()
        {
            var trace = new ConcurrentQueue<string>();
            await using EmulatorRig rig = await EmulatorRig.StartAsync(o =>
            {
                var modem = new Ec20Emulator(o);
                modem.Traced += trace.Enqueue;
                return modem;
            });
            rig.Device.WaitFor("\r\nRDY\r\n");
            rig.Device.Command("AT+QMTCFG=\"aliauth\",0,\"pk\",\"dn\",\"devsecret1\"");
            rig.Device.Command("AT+QMTCONN=0,\"id\",\"user\",\"hunter2\"", "\r\n+CME ERROR: 3\r\n");
            string all = string.Join("\n", trace);
            Assert.IsFalse(all.Contains("hunter2"), all);
            Assert.IsFalse(all.Contains("devsecret1"), all);
            StringAssert.Contains(all, "AT+QMTCONN=0,\"id\",\"user\",\"***\"");
        }

        [TestMethod]
        public async Task Trace_MasksEspAtWifiAndMqttPasswords()
        {
            var trace = new ConcurrentQueue<string>();
            await using EmulatorRig rig = await EmulatorRig.StartAsync(o =>
            {
                var modem = new EspAtEmulator(o);
                modem.Traced += trace.Enqueue;
                return modem;
            });
            rig.Device.LineEnding = "\r\n";
            rig.Device.WaitFor("\r\nready\r\n");
            rig.Device.Command("AT+CWJAP=\"lab\",\"wifi\\\"pw\"");
            rig.Device.Command("AT+MQTTUSERCFG=0,1,\"id\",\"user\",\"mqtt\\,pw\",0,0,\"\"");
            string all = string.Join("\n", trace);
            Assert.IsFalse(all.Contains("wifi"), all);
            Assert.IsFalse(all.Contains("mqtt\\,pw"), all);
            Assert.IsTrue(trace.Count(l => l.Contains("\"***\"")) >= 2, all);
        }
    }
}
