#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Node
{
    /// <summary>
    /// The search helpers of the rig and its fakes treat "" as "any" on both runtimes (nanoFramework's s.IndexOf("")
    /// throws and "".IndexOf("") is -1 there; on .NET both are 0).
    /// </summary>
    [TestClass]
    public class NodeRigTests
    {
        [TestMethod]
        public void LastPublished_EmptyPrefixOrFragment_MatchesAny()
        {
            NodeRig rig = Published();

            Assert.AreEqual("second", rig.LastPublished("", ""));
            Assert.AreEqual("first", rig.LastPublished("a/", ""));
            Assert.AreEqual("second", rig.LastPublished("", "sec"));
            Assert.AreEqual("", rig.LastPublished("c/", ""));
        }

        [TestMethod]
        public void CountPublished_EmptyPrefixOrFragment_MatchesAny()
        {
            NodeRig rig = Published();

            Assert.AreEqual(3, rig.CountPublished("", ""));
            Assert.AreEqual(2, rig.CountPublished("b/", ""));
            Assert.AreEqual(1, rig.CountPublished("", "first"));
        }

        [TestMethod]
        public void FindPublished_EmptyPrefix_MatchesAny()
        {
            NodeRig rig = Published();

            Assert.AreEqual(0, rig.Link.FindPublished("", 0));
            Assert.AreEqual(2, rig.Link.FindPublished("", 2));
            Assert.AreEqual(-1, rig.Link.FindPublished("", 3));
        }

        [TestMethod]
        public void LogContains_Empty_TrueOnlyWhenALineExists()
        {
            RecordingLog log = new RecordingLog();
            Assert.IsFalse(log.Contains(""));

            log.Write(LogLevel.Info, "t", "x");

            Assert.IsTrue(log.Contains(""));
        }

        private static NodeRig Published()
        {
            NodeRig rig = new NodeRig();
            rig.Link.Connect(new MqttConnectOptions());
            Publish(rig.Link, "a/1", "first");
            Publish(rig.Link, "b/2", "");
            Publish(rig.Link, "b/3", "second");
            return rig;
        }

        private static void Publish(FakeMqttLink link, string topic, string text)
        {
            byte[] payload = Encoding.UTF8.GetBytes(text);
            Assert.AreEqual((int)LinkResult.Ok, (int)link.Publish(topic, payload, 0, payload.Length, 0));
        }
    }
}
