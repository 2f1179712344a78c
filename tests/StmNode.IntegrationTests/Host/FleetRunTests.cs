using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Fleet;

namespace StmNode.IntegrationTests.Host
{
    [TestClass]
    public class FleetRunTests
    {
        [TestMethod]
        public async Task RunAsync_TwentyNodes_AllConnectReportAndPrintPercentiles()
        {
            var output = new StringWriter();
            var options = new FleetOptions
            {
                Devices = 20,
                RampUp = TimeSpan.FromMilliseconds(500),
                Duration = TimeSpan.FromSeconds(3),
                ReportPeriodSeconds = 5,
            };
            int code = await FleetRun.RunAsync(options, output, CancellationToken.None);
            string text = output.ToString();
            Assert.AreEqual(0, code, text);
            StringAssert.Contains(text, "connect latency (TCP + CONNECT/CONNACK) n=20 p50=");
            Assert.IsTrue(Regex.IsMatch(text, @"publish latency \(QoS 1 report until PUBACK\) n=[1-9][0-9]* p50="), text);
            Assert.IsTrue(Regex.IsMatch(text, @"summary: 20 nodes, 20 connected, 20 online at the end, [1-9][0-9]* reports published"), text);
        }

        [TestMethod]
        [DataRow(new[] { 5.0, 1.0, 3.0, 2.0, 4.0 }, 50.0, 3.0)]
        [DataRow(new[] { 5.0, 1.0, 3.0, 2.0, 4.0 }, 100.0, 5.0)]
        [DataRow(new[] { 5.0, 1.0, 3.0, 2.0, 4.0 }, 1.0, 1.0)]
        [DataRow(new[] { 7.0 }, 99.0, 7.0)]
        public void Percentiles_NearestRank(double[] samples, double p, double expected)
        {
            double[] sorted = (double[])samples.Clone();
            Array.Sort(sorted);
            Assert.AreEqual(expected, Percentiles.Of(sorted, p));
        }

        [TestMethod]
        public void Percentiles_NoSamples_SaysSo()
        {
            Assert.AreEqual("n=0", Percentiles.Describe(new double[0]));
            Assert.IsTrue(double.IsNaN(Percentiles.Of(new double[0], 50)));
        }

        [TestMethod]
        [DataRow("broker.lan", "broker.lan", 1883)]
        [DataRow("127.0.0.1:1884", "127.0.0.1", 1884)]
        public void TryParseBroker_Forms(string text, string host, int port)
        {
            Assert.IsTrue(FleetRun.TryParseBroker(text, out string parsedHost, out int parsedPort));
            Assert.AreEqual(host, parsedHost);
            Assert.AreEqual(port, parsedPort);
        }

        [TestMethod]
        [DataRow("host:")]
        [DataRow("host:99999")]
        [DataRow("host:x")]
        [DataRow(" ")]
        public void TryParseBroker_Bad_Refused(string text)
        {
            Assert.IsFalse(FleetRun.TryParseBroker(text, out _, out _));
        }
    }
}
