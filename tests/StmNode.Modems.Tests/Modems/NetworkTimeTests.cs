#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using StmNode.Modems;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Modems
{
    [TestClass]
    public class NetworkTimeTests
    {
        [TestMethod]
        [DataRow("2023/03/09,14:02:31GMT-5", 2023, 3, 9, 19, 2, 31)]
        [DataRow("2024/06/20,03:56:18GMT+8", 2024, 6, 19, 19, 56, 18)]
        [DataRow("2024/12/31,23:30:00GMT+0", 2024, 12, 31, 23, 30, 0)]
        public void TryParse_Mt2625Form_LocalTimeAndHourZoneToUtc(string text, int year, int month, int day, int hour, int minute, int second)
        {
            DateTime utc;

            bool parsed = NetworkTime.TryParse(text, out utc);

            Assert.IsTrue(parsed, text);
            Assert.AreEqual(new DateTime(year, month, day, hour, minute, second), utc);
        }

        [TestMethod]
        [DataRow("2023/03/09,14:02:31GMT-15")]
        [DataRow("2023/03/09,14:02:31GMT")]
        [DataRow("2023/03/09,14:02:31GMX+1")]
        [DataRow("1980/01/06,00:00:00GMT+0")]
        public void TryParse_BadMt2625Form_Refused(string text)
        {
            DateTime utc;

            Assert.IsFalse(NetworkTime.TryParse(text, out utc), text);
        }

        [TestMethod]
        public void ReadNetworkTime_Bc26AnswersUnquotedMt2625Form_ConvertedToUtc()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CCLK?", "\r\n+CCLK: 2023/03/09,14:02:31GMT-5\r\n" + QuectelScripts.Ok);
            QuectelModem modem = QuectelScripts.Modem(line, clock, false);
            DateTime utc;

            Assert.IsTrue(modem.ReadNetworkTime(out utc));
            Assert.AreEqual(new DateTime(2023, 3, 9, 19, 2, 31), utc);
        }
    }
}
