#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Sensors;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Sensors
{
    [TestClass]
    public class GasSensorTests
    {
        [TestMethod]
        public void Poll_DigitalOutputLow_Alarm()
        {
            FakeDigitalInput pin = new FakeDigitalInput(true);
            GasSensor gas = new GasSensor(new DebouncedInput(pin, false, 0), null, 60);
            gas.Poll(0);
            Assert.IsFalse(gas.IsAlarm);

            pin.Level = false;
            bool edge = gas.Poll(10);

            Assert.IsTrue(edge);
            Assert.IsTrue(gas.IsAlarm);
            Assert.AreEqual(-1, gas.LevelPercent);
        }

        [TestMethod]
        public void Poll_AnalogLevel_AlarmWithHysteresis()
        {
            FakeAnalogInput analog = new FakeAnalogInput();
            GasSensor gas = new GasSensor(null, analog, 60);

            analog.Value = 2457;
            Assert.IsTrue(gas.Poll(0));
            Assert.AreEqual(60, gas.LevelPercent);

            analog.Value = 2300;
            Assert.IsFalse(gas.Poll(10));
            Assert.IsTrue(gas.IsAlarm);

            analog.Value = 2200;
            Assert.IsTrue(gas.Poll(20));
            Assert.IsFalse(gas.IsAlarm);
        }

        [TestMethod]
        public void Poll_AnalogReadFails_NoLevelAndCounted()
        {
            FakeAnalogInput analog = new FakeAnalogInput();
            analog.Value = -1;
            GasSensor gas = new GasSensor(null, analog, 60);

            gas.Poll(0);

            Assert.AreEqual(-1, gas.LevelPercent);
            Assert.AreEqual(1, gas.AnalogFailures);
            Assert.IsFalse(gas.IsAlarm);
        }

        [TestMethod]
        public void Poll_AnalogReadFailsDuringAlarm_AlarmHoldsWithoutEdge()
        {
            FakeAnalogInput analog = new FakeAnalogInput();
            GasSensor gas = new GasSensor(null, analog, 60);
            analog.Value = 4095;
            Assert.IsTrue(gas.Poll(0));

            analog.Value = -1;
            bool edge = gas.Poll(10);

            Assert.IsFalse(edge);
            Assert.IsTrue(gas.IsAlarm);
            Assert.IsFalse(gas.HasReading);

            analog.Value = 0;
            Assert.IsTrue(gas.Poll(20));
            Assert.IsFalse(gas.IsAlarm);
            Assert.IsTrue(gas.HasReading);
        }

        [TestMethod]
        public void Poll_ThresholdZero_AnalogNeverAlarms()
        {
            FakeAnalogInput analog = new FakeAnalogInput();
            analog.Value = 4095;
            GasSensor gas = new GasSensor(null, analog, 0);

            gas.Poll(0);

            Assert.AreEqual(100, gas.LevelPercent);
            Assert.IsFalse(gas.IsAlarm);
        }
    }
}
