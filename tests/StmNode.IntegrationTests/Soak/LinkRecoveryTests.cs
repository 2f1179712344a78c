using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Adapters;
using StmNode.IntegrationTests.Support;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Soak
{
    /// <summary>Recoveries the soak found missing, pinned down one by one.</summary>
    [TestClass]
    public sealed class LinkRecoveryTests
    {
        [TestMethod]
        public async Task Connect_AfterBringUpFailedAtPdpActivation_RedoesBringUpAndConnects()
        {
            // Found by the soak (seed 8): the EC20 came up to AT+QIACT, which failed; every later Connect skipped the
            // bring-up and AT+QMTOPEN answered "+QMTOPEN: 0,3" (PDP not active) for good.
            await using ModemLinkRig rig = await ModemLinkRig.StartAsync("ec20", new SystemClock(), new RecordingLog());
            rig.Emulator.Faults.FailCommand("AT+QIACT", "ERROR", 2);
            Assert.AreNotEqual(LinkResult.Ok, rig.Link.Connect(rig.Options("node-1")));

            Assert.AreEqual(LinkResult.Ok, rig.Link.Connect(rig.Options("node-1")), rig.Link.LastError + "\n" + rig.Channel.Trace.Dump());
            byte[] payload = Encoding.UTF8.GetBytes("{}");
            Assert.AreEqual(LinkResult.Ok, rig.Link.Publish("t/after", payload, 0, payload.Length, 1), rig.Link.LastError);
        }
    }
}
