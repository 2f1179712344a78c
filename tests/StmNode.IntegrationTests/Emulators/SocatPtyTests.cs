#nullable enable
using System;
using System.IO;
using System.IO.Ports;
using System.Text;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Emulators;

namespace StmNode.IntegrationTests.Emulators
{
    [TestClass]
    public class SocatPtyTests
    {
        [TestMethod]
        public void Pty_HostOpensItAsSerialPort_AndTalksAt()
        {
            if (SocatPty.FindSocat() == null)
            {
                Assert.Inconclusive("socat is not installed (apt-get install -y socat)");
            }

            string path = Path.Combine(Path.GetTempPath(), "ttyStmNode-" + Guid.NewGuid().ToString("N")[..8]);
            using SocatPty? pty = SocatPty.Start(path, 5000, out string error);
            Assert.IsNotNull(pty, error);
            using var emulator = new Ec20Emulator();
            emulator.Attach(pty.ModemEnd);

            using var port = new SerialPort(path, 115200) { ReadTimeout = 200, WriteTimeout = 1000 };
            port.Open();
            var received = new StringBuilder();
            long deadline = Environment.TickCount64 + 5000;
            port.Write("ATE0\r");
            while (!received.ToString().Contains("\r\nOK\r\n") && Environment.TickCount64 < deadline)
            {
                try
                {
                    received.Append(port.ReadExisting());
                }
                catch (TimeoutException)
                {
                }

                Thread.Sleep(10);
            }

            StringAssert.Contains(received.ToString(), "ATE0\r\r\nOK\r\n");
        }
    }
}
