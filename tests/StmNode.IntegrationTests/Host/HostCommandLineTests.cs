using System;
using System.CommandLine;
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Cli;

namespace StmNode.IntegrationTests.Host
{
    /// <summary>The stmnode command line as a user or a script runs it (no terminal: no keys are read).</summary>
    [TestClass]
    public class HostCommandLineTests
    {
        [TestMethod]
        public void Help_ListsLinksKeysAndSubcommands()
        {
            var output = new StringWriter();
            int code = Run(output, "--help");
            string text = output.ToString();
            Assert.AreEqual(0, code);
            StringAssert.Contains(text, "--link");
            StringAssert.Contains(text, "tcp|bc26|ec20|esp-at|tcp-raw");
            StringAssert.Contains(text, "--serial");
            StringAssert.Contains(text, "--cloud");
            StringAssert.Contains(text, "--reports");
            StringAssert.Contains(text, "g gas, f flame, w water");
            StringAssert.Contains(text, "fleet");
            StringAssert.Contains(text, "at ");
        }

        [TestMethod]
        [DataRow("--link", "carrier-pigeon")]
        [DataRow("--duration", "soon")]
        [DataRow("--reports", "0")]
        [DataRow("--cloud", "nowhere")]
        public void BadOption_ExitsNonZeroWithoutRunning(string option, string value)
        {
            var output = new StringWriter();
            int code = Run(output, option, value);
            Assert.AreNotEqual(0, code);
            Assert.IsFalse(output.ToString().Contains("summary:"), output.ToString());
        }

        [TestMethod]
        public void SerialWithoutModem_ExplainsWhatIsMissing()
        {
            var output = new StringWriter();
            Assert.AreEqual(2, Run(output, "--serial", "/dev/ttyUSB9", "--reports", "1"));
            StringAssert.Contains(output.ToString(), "--modem");
        }

        [TestMethod]
        public void Reports_DefaultDemo_ReportsObeysTheDemoCommandAndPrintsTheSummary()
        {
            var output = new StringWriter();
            int code = Run(output, "--reports", "2", "--report-period", "5", "--secret", "Sup3rS3cretValue", "--log-level", "trace");
            string text = output.ToString();
            Assert.AreEqual(0, code, text);
            StringAssert.Contains(text, "Link: online via tcp");
            StringAssert.Contains(text, "LED1 ● ON");
            StringAssert.Contains(text, "command SET_LED answered result_code 0");
            Assert.IsTrue(Regex.IsMatch(text, @"^summary: 2 reports published, 1 commands handled, 0 reconnects, 0 errors in [0-9.]+ s\r?$", RegexOptions.Multiline), text);
            Assert.IsFalse(text.Contains("Sup3rS3cretValue"), "the secret was printed");
        }

        [TestMethod]
        public void Duration_OnBc26_RunsForTheTimeAndExitsZero()
        {
            var output = new StringWriter();
            int code = Run(output, "--link", "bc26", "--duration", "4s", "--no-demo");
            string text = output.ToString();
            Assert.AreEqual(0, code, text);
            StringAssert.Contains(text, "online via bc26");
            Assert.IsTrue(Regex.IsMatch(text, @"^summary: [1-9][0-9]* reports published, 0 commands handled", RegexOptions.Multiline), text);
        }

        [TestMethod]
        public void ConfigFile_Missing_IsAClearError()
        {
            var output = new StringWriter();
            Assert.AreEqual(2, Run(output, "--config", "/nonexistent/stmnode.json", "--reports", "1"));
            StringAssert.Contains(output.ToString(), "does not exist");
        }

        private static int Run(StringWriter output, params string[] args)
        {
            RootCommand root = HostCommandLine.Build(output);
            return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = output });
        }
    }
}
