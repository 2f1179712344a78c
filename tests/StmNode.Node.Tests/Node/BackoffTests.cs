#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Node;

namespace StmNode.Tests.Node
{
    [TestClass]
    public class BackoffTests
    {
        [TestMethod]
        public void NextDelayMs_FirstIsInitialThenGrowsWithinQuarterJitter()
        {
            Backoff backoff = new Backoff(1000, 300000, 99);

            Assert.AreEqual(1000, backoff.NextDelayMs());
            int second = backoff.NextDelayMs();
            Assert.IsTrue(second >= 1500 && second <= 2000, second.ToString());
            int third = backoff.NextDelayMs();
            Assert.IsTrue(third >= 3000 && third <= 4000, third.ToString());
        }

        [TestMethod]
        public void NextDelayMs_ManyAttempts_CappedAtMaximumWithJitter()
        {
            Backoff backoff = new Backoff(1000, 300000, 5);
            bool varied = false;
            int previous = -1;
            for (int i = 0; i < 40; i++)
            {
                int delay = backoff.NextDelayMs();
                Assert.IsTrue(delay >= 1000 && delay <= 300000, delay.ToString());
                if (i > 20)
                {
                    Assert.IsTrue(delay >= 225000, delay.ToString());
                    varied |= previous >= 0 && delay != previous;
                    previous = delay;
                }
            }

            Assert.IsTrue(varied);
        }

        [TestMethod]
        public void NextDelayMs_SameSeed_SameSequence()
        {
            Backoff a = new Backoff(1000, 300000, 42);
            Backoff b = new Backoff(1000, 300000, 42);

            for (int i = 0; i < 12; i++)
            {
                Assert.AreEqual(a.NextDelayMs(), b.NextDelayMs());
            }
        }

        [TestMethod]
        public void Reset_StartsAgainAtInitial()
        {
            Backoff backoff = new Backoff(1000, 300000, 3);
            backoff.NextDelayMs();
            backoff.NextDelayMs();

            backoff.Reset();

            Assert.AreEqual(0, backoff.Attempts);
            Assert.AreEqual(1000, backoff.NextDelayMs());
        }
    }
}
