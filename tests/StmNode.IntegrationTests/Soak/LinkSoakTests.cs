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

        private static int Cycles => int.TryParse(Environment.GetEnvironmentVariable("STMNODE_SOAK_CYCLES"), out int n) && n > 0 ? n : 30;

        private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("STMNODE_SOAK_SEED"), out int n) ? n : 7;

        private static double FaultRate => double.TryParse(Environment.GetEnvironmentVariable("STMNODE_SOAK_FAULT_RATE"), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out double rate) ? rate : 0.2;

        /// <summary>The three links soak at the same time (each has its own emulator and broker): the run takes the slowest one's time.</summary>
        [TestMethod]
        public async Task Soak_AllModemLinks_RandomFaultsAndBrokerRestarts_EveryReportAccountedEveryCommandAnsweredOnce()
        {
            Task<SoakResult>[] runs = Array.ConvertAll(new[] { "bc26", "ec20", "esp-at" },
                kind => Task.Run(() => new LinkSoak(kind, Seed, Cycles, FaultRate).RunAsync()));
            SoakResult[] results = await Task.WhenAll(runs);
            foreach (SoakResult result in results)
            {
                TestContext.WriteLine("SOAK " + result.Describe());
                Console.WriteLine("SOAK " + result.Describe());
            }

            foreach (SoakResult result in results)
            {
                Check(result);
            }
        }

        private static void Check(SoakResult result)
        {
            Assert.AreEqual(0, result.Exceptions, string.Join("\n", result.ExceptionTexts));
            Assert.AreEqual(0, result.ReportsUnaccounted, "every report is delivered or counted as dropped");
            Assert.AreEqual(0, result.ReportsOkButMissing, "a report the link acknowledged must reach the broker");
            Assert.AreEqual(0, result.CommandsAnsweredTwice, "a command is answered once");
            Assert.AreEqual(0, result.CommandsDeliveredUnanswered, "every delivered command is answered");
            Assert.IsTrue(result.RecoveredAtEnd, result.Kind + ": the link comes back once the faults stop\n" + result.Diagnosis);
            Assert.IsTrue(result.LargestDelayMs <= LinkSoak.BackoffMaxMs, "reconnect delays stay within the backoff bound");
            Assert.IsTrue(result.ReportsDelivered > 0, result.Kind);
            Assert.IsTrue(result.CommandsDelivered > 0, result.Kind + ": no command reached the device");
        }
    }
}
