#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Leds;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Leds
{
    [TestClass]
    public class LedBankTests
    {
        [TestMethod]
        public void Create_DrivesAllLedsOff()
        {
            FakeDigitalOutput a = new FakeDigitalOutput();
            FakeDigitalOutput b = new FakeDigitalOutput();
            FakeDigitalOutput c = new FakeDigitalOutput();

            LedBank leds = new LedBank(a, b, c);

            Assert.AreEqual(1, a.Writes);
            Assert.AreEqual(1, c.Writes);
            Assert.IsFalse(leds.IsOn(2));
        }

        [TestMethod]
        public void Set_ChangesOnlyWhenDifferent()
        {
            FakeDigitalOutput b = new FakeDigitalOutput();
            LedBank leds = new LedBank(new FakeDigitalOutput(), b, new FakeDigitalOutput());

            Assert.IsTrue(leds.Set(2, true));
            Assert.IsFalse(leds.Set(2, true));

            Assert.IsTrue(b.Level);
            Assert.AreEqual(1, leds.ChangeCount);
            Assert.AreEqual(3, b.Writes);
        }

        [TestMethod]
        [DataRow("ON", true, true)]
        [DataRow("off", true, false)]
        [DataRow("True", true, true)]
        [DataRow("1", true, true)]
        [DataRow("dim", false, false)]
        [DataRow("", false, false)]
        public void TryParseState_Text(string text, bool valid, bool on)
        {
            bool result;

            Assert.AreEqual(valid, LedBank.TryParseState(text, out result));
            Assert.AreEqual(on, result);
        }

        [TestMethod]
        public void TryParseState_NumbersAndBooleans()
        {
            bool on;
            Assert.IsTrue(LedBank.TryParseState(true, out on) && on);
            Assert.IsTrue(LedBank.TryParseState(0L, out on) && !on);
            Assert.IsTrue(LedBank.TryParseState(1.0, out on) && on);
            Assert.IsFalse(LedBank.TryParseState(2L, out on));
            Assert.IsFalse(LedBank.TryParseState(0.5, out on));
            Assert.IsFalse(LedBank.TryParseState(null, out on));
        }

        [TestMethod]
        [DataRow("led1", 1)]
        [DataRow("LED3", 3)]
        [DataRow("2", 2)]
        [DataRow("led4", -1)]
        [DataRow("0", -1)]
        [DataRow("lamp", -1)]
        public void ParseIndex_Text(string text, int expected)
        {
            Assert.AreEqual(expected, LedBank.ParseIndex(text));
        }

        [TestMethod]
        public void ParseIndex_Numbers()
        {
            Assert.AreEqual(3, LedBank.ParseIndex(3L));
            Assert.AreEqual(1, LedBank.ParseIndex(1.0));
            Assert.AreEqual(-1, LedBank.ParseIndex(1.5));
            Assert.AreEqual(-1, LedBank.ParseIndex(null));
        }
    }
}
