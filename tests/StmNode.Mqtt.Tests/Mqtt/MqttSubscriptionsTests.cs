#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Mqtt;
using StmNode.Ports;

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

        [TestMethod]
        public void SubscribeMissing_SecondRefused_FirstInSessionRestNotAndTheRefusalReturned()
        {
            MqttSubscriptions subscriptions = new MqttSubscriptions();
            subscriptions.Keep("a", 1);
            subscriptions.Keep("b", 1);
            subscriptions.Keep("c", 1);
            System.Text.StringBuilder sent = new System.Text.StringBuilder();

            LinkResult result = subscriptions.SubscribeMissing((filter, qos) =>
            {
                sent.Append(filter);
                return filter == "b" ? LinkResult.Refused : LinkResult.Ok;
            });

            Assert.AreEqual((int)LinkResult.Refused, (int)result);
            Assert.AreEqual("ab", sent.ToString());
            Assert.IsTrue(subscriptions.InSession(0));
            Assert.IsFalse(subscriptions.InSession(1));
            Assert.IsFalse(subscriptions.InSession(2));
        }

        [TestMethod]
        public void SubscribeMissing_SessionResumed_SendsOnlyWhatItLacks()
        {
            MqttSubscriptions subscriptions = new MqttSubscriptions();
            subscriptions.MarkSubscribed(subscriptions.Keep("a", 1));
            subscriptions.Keep("b", 1);
            System.Text.StringBuilder sent = new System.Text.StringBuilder();

            LinkResult result = subscriptions.SubscribeMissing((filter, qos) =>
            {
                sent.Append(filter);
                return LinkResult.Ok;
            });

            Assert.AreEqual((int)LinkResult.Ok, (int)result);
            Assert.AreEqual("b", sent.ToString());
            Assert.IsTrue(subscriptions.Has("b", 1));
        }

        [TestMethod]
        public void Add_ConnectedAndRefused_NotKept_DisconnectedKeptWithoutSending()
        {
            MqttSubscriptions subscriptions = new MqttSubscriptions();
            int sends = 0;
            SubscribeSender refuse = (filter, qos) =>
            {
                sends++;
                return LinkResult.Refused;
            };

            LinkResult connected = subscriptions.Add("a", 1, true, refuse);
            LinkResult offline = subscriptions.Add("b", 1, false, refuse);

            Assert.AreEqual((int)LinkResult.Refused, (int)connected);
            Assert.AreEqual((int)LinkResult.Ok, (int)offline);
            Assert.AreEqual(1, sends);
            Assert.AreEqual(1, subscriptions.Count);
            Assert.AreEqual("b", subscriptions.Filter(0));
            Assert.IsFalse(subscriptions.InSession(0));
        }
    }
}
