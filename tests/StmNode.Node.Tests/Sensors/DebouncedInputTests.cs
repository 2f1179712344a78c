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
    public class DebouncedInputTests
    {
        [TestMethod]
        public void Poll_FirstSample_SetsStateWithoutEdge()
        {
            FakeDigitalInput pin = new FakeDigitalInput(false);
            DebouncedInput input = new DebouncedInput(pin, false, 50);

            Assert.IsFalse(input.Poll(0));

            Assert.IsTrue(input.IsActive);
        }

        [TestMethod]
        public void Poll_LevelHeldForDebounceTime_OneEdge()
        {
            FakeDigitalInput pin = new FakeDigitalInput(false);
            DebouncedInput input = new DebouncedInput(pin, true, 50);
            input.Poll(0);

            pin.Level = true;
            Assert.IsFalse(input.Poll(10));
            Assert.IsFalse(input.Poll(40));
            Assert.IsTrue(input.Poll(60));
            Assert.IsFalse(input.Poll(100));

            Assert.IsTrue(input.IsActive);
        }

        [TestMethod]
        public void Poll_GlitchShorterThanDebounce_Ignored()
        {
            FakeDigitalInput pin = new FakeDigitalInput(false);
            DebouncedInput input = new DebouncedInput(pin, true, 50);
            input.Poll(0);

            pin.Level = true;
            input.Poll(10);
            pin.Level = false;
            input.Poll(30);
            pin.Level = true;
            input.Poll(50);
            pin.Level = false;
            bool edge = input.Poll(70) | input.Poll(200);

            Assert.IsFalse(edge);
            Assert.IsFalse(input.IsActive);
        }

        [TestMethod]
        [DataRow(true, true, true)]
        [DataRow(true, false, false)]
        [DataRow(false, true, false)]
        [DataRow(false, false, true)]
        public void IsActive_FollowsConfiguredActiveLevel(bool level, bool activeHigh, bool expected)
        {
            DebouncedInput input = new DebouncedInput(new FakeDigitalInput(level), activeHigh, 0);

            input.Poll(0);

            Assert.AreEqual(expected, input.IsActive);
        }
    }
}
