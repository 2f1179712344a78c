using System;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace StmNode.IntegrationTests.Soak
{
    /// <summary>
    /// The fault-injection soak per modem link. CI runs a short seeded version; the long run (10,000 cycles a link) is
    /// STMNODE_SOAK_CYCLES=10000 (docs/performance.md). STMNODE_SOAK_SEED replays another seed.
    /// </summary>
    [TestClass]
    public sealed class LinkSoakTests
    {
        public TestContext TestContext { get; set; }

        private static int Cycles => int.TryParse(Environment.GetEnvironmentVariable("STMNODE_SOAK_CYCLES"), out int n) && n > 0 ? n : 40;

        private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("STMNODE_SOAK_SEED"), out int n) ? n : 7;

        [TestMethod]
        [DataRow("bc26")]
        [DataRow("ec20")]
        [DataRow("esp-at")]
        public async Task Soak_RandomFaultsAndBrokerRestarts_EveryReportAccountedEveryCommandAnsweredOnce(string kind)
        {
            SoakResult result = await new LinkSoak(kind, Seed, Cycles, 0.2).RunAsync();
            TestContext.WriteLine(result.Describe());
            Console.WriteLine("SOAK " + result.Describe());
            Assert.AreEqual(0, result.Exceptions, string.Join("\n", result.ExceptionTexts));
            Assert.AreEqual(0, result.ReportsUnaccounted, "every report is delivered or counted as dropped");
            Assert.AreEqual(0, result.ReportsOkButMissing, "a report the link acknowledged must reach the broker");
            Assert.AreEqual(0, result.CommandsAnsweredTwice, "a command is answered once");
            Assert.AreEqual(0, result.CommandsDeliveredUnanswered, "every delivered command is answered");
            Assert.IsTrue(result.RecoveredAtEnd, "the link comes back once the faults stop");
            Assert.IsTrue(result.LargestDelayMs <= LinkSoak.BackoffMaxMs, "reconnect delays stay within the backoff bound");
            Assert.IsTrue(result.ReportsDelivered > 0);
        }
    }
}
