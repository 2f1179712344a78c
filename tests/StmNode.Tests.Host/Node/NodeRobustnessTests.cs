using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Cloud;
using StmNode.Node;

namespace StmNode.Tests.Node
{
    /// <summary>Host-only: the whole node loop with the real IoTDA profile survives mutated downlinks on every topic.</summary>
    [TestClass]
    public class NodeRobustnessTests
    {
        private const string Sys = "$oc/devices/node1/sys/";

        private static readonly string[] Topics =
        {
            Sys + "commands/request_id=a", Sys + "properties/set/request_id=b", Sys + "properties/get/request_id=c",
            Sys + "messages/down", Sys + "events/down", Sys + "commands/request_id=", "unrelated"
        };

        private static readonly string[] Bodies =
        {
            "{\"service_id\":\"stm32\",\"command_name\":\"SET_LED\",\"paras\":{\"led\":2,\"state\":1}}",
            "{\"service_id\":\"stm32\",\"command_name\":\"SET_INTERVAL\",\"paras\":{\"seconds\":600}}",
            "{\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"report_period\":10,\"LED1\":1}}]}",
            "{\"services\":[{\"service_id\":\"$time_sync\",\"event_type\":\"time_sync_response\",\"paras\":{\"device_send_time\":1,\"server_recv_time\":2,\"server_send_time\":3}}]}",
            "{\"content\":{\"LED3\":1}}"
        };

        private const string JsonBytes = "{}[]\",:0123456789-.eE";

        [TestMethod]
        public void Step_MutatedDownlinksOnEveryTopic_NeverThrowsAndKeepsReporting()
        {
            NodeRig rig = new NodeRig();
            HuaweiIotdaSettings settings = new HuaweiIotdaSettings { Host = "h", DeviceId = "node1", Secret = "s" };
            rig.Cloud = new HuaweiIotdaProfile(settings, Stm32Service.CreateDeviceModel());
            rig.Start();
            rig.RunFor(3000);
            Random random = new Random(1);

            for (int i = 0; i < 20000; i++)
            {
                char[] body = Bodies[random.Next(Bodies.Length)].ToCharArray();
                int length = body.Length;
                int mutations = random.Next(4);
                for (int k = 0; k < mutations && length > 0; k++)
                {
                    int at = random.Next(length);
                    switch (random.Next(3))
                    {
                        case 0: body[at] = (char)random.Next(0x20, 0xD800); break;
                        case 1: length = at; break;
                        default: body[at] = JsonBytes[random.Next(JsonBytes.Length)]; break;
                    }
                }

                rig.Link.Inject(Topics[random.Next(Topics.Length)], new string(body, 0, length));
                rig.Controller.Step();
                rig.Clock.Advance(NodeRig.StepMs);
            }

            int reports = rig.CountPublished(Sys + "properties/report", "stm32");
            rig.RunFor(90000);
            Assert.IsTrue(rig.Link.IsConnected);
            Assert.IsTrue(rig.CountPublished(Sys + "properties/report", "stm32") > reports);
        }
    }
}
