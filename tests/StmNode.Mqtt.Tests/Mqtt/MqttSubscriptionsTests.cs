#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Mqtt;

namespace StmNode.Tests.Mqtt
{
    [TestClass]
    public class MqttSubscriptionsTests
    {
        [TestMethod]
        public void Keep_SameFilterTwice_KeptOnceAndStillInSession()
        {
            MqttSubscriptions subscriptions = new MqttSubscriptions();
            subscriptions.MarkSubscribed(subscriptions.Keep("a/#", 1));

            int again = subscriptions.Keep("a/#", 1);

            Assert.AreEqual(1, subscriptions.Count);
            Assert.AreEqual(0, again);
            Assert.IsTrue(subscriptions.Has("a/#", 1));
        }

        [TestMethod]
        public void Keep_NewQos_MustBeSubscribedAgain()
        {
            MqttSubscriptions subscriptions = new MqttSubscriptions();
            subscriptions.MarkSubscribed(subscriptions.Keep("a", 0));

            subscriptions.Keep("a", 1);

            Assert.AreEqual(1, subscriptions.Qos(0));
            Assert.IsFalse(subscriptions.InSession(0));
            Assert.IsFalse(subscriptions.Has("a", 0));
        }

        [TestMethod]
        public void NewSession_EveryFilterKeptButNoneInSession()
        {
            MqttSubscriptions subscriptions = new MqttSubscriptions();
            subscriptions.MarkSubscribed(subscriptions.Keep("a", 1));
            subscriptions.MarkSubscribed(subscriptions.Keep("b", 0));

            subscriptions.NewSession();

            Assert.AreEqual(2, subscriptions.Count);
            Assert.AreEqual("b", subscriptions.Filter(1));
            Assert.IsFalse(subscriptions.InSession(0));
            Assert.IsFalse(subscriptions.Has("b", 0));
        }
    }
}
