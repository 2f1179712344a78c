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
    }
}
