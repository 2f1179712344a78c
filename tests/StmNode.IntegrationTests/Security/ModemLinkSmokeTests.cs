using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Adapters;
using StmNode.IntegrationTests.Support;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Security
{
    [TestClass]
    public sealed class ModemLinkSmokeTests
    {
        [TestMethod]
        [DataRow("bc26")]
        [DataRow("ec20")]
        [DataRow("esp-at")]
        public async Task Publish_ThroughEmulatedModem_ReachesBroker(string kind)
        {
            RecordingLog log = new RecordingLog();
            await using ModemLinkRig rig = await ModemLinkRig.StartAsync(kind, new SystemClock(), log);
            Assert.AreEqual(LinkResult.Ok, rig.Link.Connect(rig.Options("node-1", "user", "pw")), rig.Link.LastError + "\n" + string.Join("\n", log.Lines));
            byte[] payload = Encoding.UTF8.GetBytes("{\"a\":1}");
            Assert.AreEqual(LinkResult.Ok, rig.Link.Publish("t/report", payload, 0, payload.Length, 1), rig.Link.LastError);
            var received = rig.Broker.NextPublish();
            Assert.IsNotNull(received);
            Assert.AreEqual("t/report", received.Topic);
        }
    }
}
