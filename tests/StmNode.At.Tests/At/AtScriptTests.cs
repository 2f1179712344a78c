#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.At;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.At
{
    [TestClass]
    public class AtScriptTests
    {
        [TestMethod]
        public void Run_AllOk_MinusOneAndEveryLineSent()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("ATE0", "\r\nOK\r\n").Expect("AT+CMEE=1", "\r\nOK\r\n");
            AtReply failure;

            int failed = AtScript.Run(new AtChannel(line, clock, new RecordingLog()), new string[] { "ATE0", "AT+CMEE=1" }, 300, out failure);

            Assert.AreEqual(-1, failed);
            Assert.IsNull(failure);
            Assert.AreEqual(0, line.Unmet);
        }

        [TestMethod]
        public void Run_SecondFails_StopsThereWithItsReply()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("ATE0", "\r\nOK\r\n").Expect("AT+QURCCFG=\"urcport\",\"uart1\"", "\r\n+CME ERROR: 4\r\n");
            AtReply failure;

            int failed = AtScript.Run(new AtChannel(line, clock, new RecordingLog()), new string[] { "ATE0", "AT+QURCCFG=\"urcport\",\"uart1\"", "AT+CGREG=1" }, 300, out failure);

            Assert.AreEqual(1, failed);
            Assert.AreEqual(4, failure.Code);
            Assert.IsTrue(line.Written.IndexOf("CGREG") < 0);
        }
    }
}
