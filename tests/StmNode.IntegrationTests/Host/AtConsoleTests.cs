using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Runner;

namespace StmNode.IntegrationTests.Host
{
    [TestClass]
    public class AtConsoleTests
    {
        [TestMethod]
        public async Task RunAsync_EmulatedEc20_TracesLinesAndShowsFinals()
        {
            var output = new StringWriter();
            var options = new AtConsoleOptions { Modem = "ec20", Timeout = TimeSpan.FromSeconds(2) };
            int code = await AtConsole.RunAsync(options, new StringReader("ATE0\nAT+CSQ\nAT+NOSUCH\nquit\n"), output, CancellationToken.None);
            string text = output.ToString();
            Assert.AreEqual(0, code, text);
            StringAssert.Contains(text, "AT: > AT+CSQ");
            StringAssert.Contains(text, "  +CSQ: ");
            StringAssert.Contains(text, "= OK");
            StringAssert.Contains(text, "= ERROR");
        }

        [TestMethod]
        public async Task RunAsync_UnknownSerialPort_ClearError()
        {
            var output = new StringWriter();
            var options = new AtConsoleOptions { Serial = "/dev/stmnode-no-such-port", Modem = "bc26" };
            int code = await AtConsole.RunAsync(options, new StringReader(""), output, CancellationToken.None);
            Assert.AreEqual(1, code);
            StringAssert.Contains(output.ToString(), "cannot open /dev/stmnode-no-such-port");
        }
    }
}
