#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Cloud;
using StmNode.Node;

namespace StmNode.Tests.Node
{
    /// <summary>The node with the real Aliyun profile: Alink's replies to its own reports are not downlink errors.</summary>
    [TestClass]
    public class NodeAliyunTests
    {
        private const string PostReply = "/sys/pk1/dn1/thing/event/property/post_reply";

        [TestMethod]
        public void PostReply_Success_NotCountedAsError()
        {
            NodeRig rig = Rig();
            rig.RunFor(3000);

            rig.Link.Inject(PostReply, "{\"code\":200,\"data\":{},\"id\":\"1\",\"message\":\"success\",\"method\":\"thing.event.property.post\",\"version\":\"1.0\"}");
            rig.RunFor(100);

            Assert.AreEqual(0, rig.Controller.DownlinkErrors);
            Assert.IsFalse(rig.Log.Contains("ignored message"));
        }

        [TestMethod]
        public void PostReply_Rejected_LoggedWithTheCode()
        {
            NodeRig rig = Rig();
            rig.RunFor(3000);

            rig.Link.Inject(PostReply, "{\"code\":460,\"data\":{},\"id\":\"1\",\"message\":\"request parameter error\"}");
            rig.RunFor(100);

            Assert.IsTrue(rig.Log.Contains("460"));
        }

        [TestMethod]
        public void Online_CloudWithoutTimeSync_AsksForNoTimeAndCountsNoFailure()
        {
            NodeRig rig = Rig();

            rig.RunFor(130000);

            Assert.AreEqual(0, rig.Controller.PublishFailures);
            Assert.AreEqual(0, rig.Controller.Errors);
            Assert.IsTrue(rig.Controller.ReportsPublished >= 3);
        }

        private static NodeRig Rig()
        {
            AliyunSettings settings = new AliyunSettings();
            settings.Host = "iot-06z00.mqtt.iothub.aliyuncs.com";
            settings.ProductKey = "pk1";
            settings.DeviceName = "dn1";
            settings.DeviceSecret = "s";
            NodeRig rig = new NodeRig();
            rig.Cloud = new AliyunProfile(settings, Stm32Service.CreateDeviceModel());
            rig.Start();
            return rig;
        }
    }
}
