#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;

namespace StmNode.Tests.Fakes
{
    [TestClass]
    public class ManualClockTests
    {
        [TestMethod]
        public void Sleep_AdvancesUptimeAndWallClockTogether()
        {
            ManualClock clock = new ManualClock();
            clock.SetUtc(new DateTime(2026, 11, 25, 10, 0, 0));

            clock.Sleep(1500);

            Assert.AreEqual(1500L, clock.UptimeMs);
            Assert.AreEqual(new DateTime(2026, 11, 25, 10, 0, 1, 500), clock.UtcNow);
            Assert.AreEqual(1500L, clock.SleptMs);
        }

        [TestMethod]
        public void SetUtc_LaterKeepsUptimeMonotonic()
        {
            ManualClock clock = new ManualClock();
            clock.Advance(10000);

            clock.SetUtc(new DateTime(2020, 1, 1, 0, 0, 0));

            Assert.AreEqual(10000L, clock.UptimeMs);
            Assert.IsTrue(clock.IsUtcValid);
            Assert.AreEqual(new DateTime(2020, 1, 1, 0, 0, 0), clock.UtcNow);
        }
    }
}
