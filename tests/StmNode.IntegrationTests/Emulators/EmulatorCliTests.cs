#nullable enable
using System;
using System.IO;
using System.IO.Ports;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Emulators;

namespace StmNode.IntegrationTests.Emulators
{
    [TestClass]
    public class EmulatorCliTests
    {
        [TestMethod]
        [DataRow("--modem")]
        [DataRow("--bogus")]
        [DataRow("--modem nokia --pty /tmp/x")]
        [DataRow("--modem ec20 --faults chunks=never")]
        public void Run_BadArguments_ReturnsTwoWithAMessage(string arguments)
        {
            var output = new StringWriter();
            int code = EmulatorCli.Run(arguments.Split(' '), output, CancellationToken.None);
            Assert.AreEqual(2, code);
            Assert.IsTrue(output.ToString().Length > 0);
        }

        [TestMethod]
        public async Task Run_ServesTheModemOnAPty_UntilCancelled()
        {
            if (SocatPty.FindSocat() == null)
            {
                Assert.Inconclusive("socat is not installed (apt-get install -y socat)");
            }

            string path = Path.Combine(Path.GetTempPath(), "ttyCli-" + Guid.NewGuid().ToString("N")[..8]);
            using var stop = new CancellationTokenSource();
            var output = new StringWriter();
            Task<int> run = Task.Run(() => EmulatorCli.Run(new[] { "--modem", "esp-at", "--pty", path, "--faults", "fail=AT+GMR|ERROR" }, TextWriter.Synchronized(output), stop.Token));
            long deadline = Environment.TickCount64 + 5000;
            while (!File.Exists(path) && Environment.TickCount64 < deadline)
            {
                await Task.Delay(20);
            }

            using (var port = new SerialPort(path, 115200) { ReadTimeout = 100 })
            {
                port.Open();
                port.Write("ATE0\r\nAT+GMR\r\n");
                var received = new StringBuilder();
                while (!received.ToString().Contains("ERROR") && Environment.TickCount64 < deadline)
                {
                    received.Append(port.ReadExisting());
                    await Task.Delay(10);
                }

                StringAssert.Contains(received.ToString(), "ATE0\r\n\r\nOK\r\n\r\nERROR\r\n");
            }

            stop.Cancel();
            Assert.IsTrue(run.Wait(5000), "the CLI did not stop");
            Assert.AreEqual(0, run.Result);
            StringAssert.Contains(output.ToString(), "esp-at emulator on " + path);
        }
    }
}
