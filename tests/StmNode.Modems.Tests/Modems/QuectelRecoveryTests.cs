#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using StmNode.At;
using StmNode.Modems;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Modems
{
    [TestClass]
    public class QuectelRecoveryTests
    {
        private const string Ok = QuectelScripts.Ok;

        [TestMethod]
        public void SignalDbm_Csq_ConvertedToDbm()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CSQ", "\r\n+CSQ: 23,99\r\n" + Ok);
            QuectelRecovery recovery = Recovery(line, clock);

            Assert.AreEqual(-67, recovery.SignalDbm);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void SignalDbm_Unknown99_Zero()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CSQ", "\r\n+CSQ: 99,99\r\n" + Ok);

            Assert.AreEqual(0, Recovery(line, clock).SignalDbm);
        }

        [TestMethod]
        public void Imei_ReadOnceThenCached()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CGSN", "\r\n866425031234567\r\n" + Ok);
            QuectelRecovery recovery = Recovery(line, clock);

            Assert.AreEqual("866425031234567", recovery.Imei);
            Assert.AreEqual("866425031234567", recovery.Imei);
            Assert.AreEqual(0, line.Unmet);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void CycleRadio_ClosesMqttThenSendsCfunOffAndOn()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+QMTCLOSE=0", "\r\nERROR\r\n");
            line.Expect("AT+CFUN=0", Ok, 3000).Expect("AT+CFUN=1", Ok, 5000);

            Assert.IsTrue(Recovery(line, clock).CycleRadio());
            Assert.AreEqual(0, line.Unmet);
        }

        [TestMethod]
        public void CyclePower_Ec20_OrderlyPowerDownThenSwitchOnPulse()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            RecordingOutput key = new RecordingOutput(clock);
            line.Expect("AT+QMTCLOSE=0", "\r\nERROR\r\n");
            line.Expect("AT+QPOWD=1", Ok).Then(1500, "\r\nPOWERED DOWN\r\n");
            // Powered down: the probe and the channel's resync attempts go unanswered until PWRKEY switches it on.
            line.Expect("AT", null).Expect("AT", null).Expect("AT", null).Expect("AT", null).Expect("AT", Ok);
            QuectelModem modem = new QuectelModem(QuectelModel.Ec20, new AtChannel(line, clock, new RecordingLog()), new RecordingLog(), key, null);

            bool cycled = new QuectelRecovery(modem, new QuectelMqttLink(modem)).CyclePower();

            Assert.IsNull(line.Failure);
            Assert.IsTrue(cycled);

            Assert.AreEqual(0, line.Unmet);
            // One switch-on pulse after the modem confirmed its power-down, none to switch it off.
            Assert.AreEqual(2, key.Count);
            Assert.IsTrue(modem.NeedsInit);
        }

        [TestMethod]
        public void TryReadNetworkTime_Cclk_Utc()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CCLK?", "\r\n+CCLK: \"26/11/25,10:20:30+32\"\r\n" + Ok);
            DateTime utc;

            Assert.IsTrue(Recovery(line, clock).TryReadNetworkTime(out utc));
            // +32 quarter hours: the modem's local time is UTC+8.
            Assert.AreEqual(new DateTime(2026, 11, 25, 2, 20, 30), utc);
        }

        private static QuectelRecovery Recovery(ScriptedModemLine line, ManualClock clock)
        {
            QuectelModem modem = QuectelScripts.Modem(line, clock, true);
            return new QuectelRecovery(modem, new QuectelMqttLink(modem));
        }
    }
}
