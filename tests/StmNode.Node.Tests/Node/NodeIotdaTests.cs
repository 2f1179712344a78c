#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using StmNode.Cloud;
using StmNode.Node;
using StmNode.Ports;

namespace StmNode.Tests.Node
{
    /// <summary>The node with the real Huawei IoTDA profile: the JSON and topics on the wire, end to end over a fake link.</summary>
    [TestClass]
    public class NodeIotdaTests
    {
        private const string DeviceId = "660f1e2a7bbf9d23a1b2c3d4_esp32node01";
        private const string Sys = "$oc/devices/" + DeviceId + "/sys/";

        [TestMethod]
        public void Connect_UsesIotdaCredentialsAndSubscribesSystemTopics()
        {
            NodeRig rig = Rig();
            rig.Clock.SetUtc(new DateTime(2024, 6, 10, 3, 15, 0));

            rig.RunFor(100);

            Assert.AreEqual(DeviceId + "_0_0_2024061003", rig.Link.LastOptions.ClientId);
            Assert.AreEqual("1a67f20631525e06d136d75928719a0dfccba98a6b2c8a8682f377af1ce87f63", rig.Link.LastOptions.Password);
            Assert.IsTrue(rig.Link.Subscriptions.IndexOf(Sys + "commands/#") >= 0);
            Assert.IsTrue(rig.Link.Subscriptions.IndexOf(Sys + "properties/set/#") >= 0);
        }

        [TestMethod]
        public void Report_IsIotdaPropertiesReport()
        {
            NodeRig rig = Rig();
            rig.Clock.SetUtc(new DateTime(2026, 11, 25, 10, 0, 0));

            rig.RunFor(2100);

            Assert.AreEqual("{\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"DHT11_T\":21.5,\"DHT11_H\":40.0,\"MQ2\":0,\"gas_level\":10,\"flame\":0,\"water\":0,\"light\":1,\"LED1\":0,\"LED2\":0,\"LED3\":0},\"event_time\":\"20261125T100002Z\"}]}",
                rig.LastPublished(Sys + "properties/report", "stm32"));
        }

        [TestMethod]
        public void Command_SetLed_AnsweredOnResponseTopicAndReported()
        {
            NodeRig rig = Rig();
            rig.RunFor(3000);

            rig.Link.Inject(Sys + "commands/request_id=7f3a", "{\"service_id\":\"stm32\",\"command_name\":\"SET_LED\",\"paras\":{\"LED2\":1}}");
            rig.RunFor(100);

            Assert.AreEqual("{\"result_code\":0,\"response_name\":\"SET_LED_RSP\",\"paras\":{\"result\":\"success\",\"LED1\":0,\"LED2\":1,\"LED3\":0}}",
                rig.LastPublished(Sys + "commands/response/request_id=7f3a", ""));
            Assert.IsTrue(rig.Led2.Level);
            Assert.IsTrue(rig.LastPublished(Sys + "properties/report", "stm32").IndexOf("\"LED1\":0,\"LED2\":1,\"LED3\":0") > 0);
        }

        [TestMethod]
        public void Command_OutOfRange_AnsweredWithFailureNothingApplied()
        {
            NodeRig rig = Rig();
            rig.RunFor(3000);

            rig.Link.Inject(Sys + "commands/request_id=9", "{\"service_id\":\"stm32\",\"command_name\":\"SET_LED\",\"paras\":{\"LED1\":5}}");
            rig.RunFor(100);

            string answer = rig.LastPublished(Sys + "commands/response/request_id=9", "");
            Assert.IsTrue(answer.IndexOf("\"result_code\":1") == 1, answer);
            Assert.IsFalse(rig.Led1.Level);
        }

        [TestMethod]
        public void Command_Repeated_SameAnswerNotReapplied()
        {
            NodeRig rig = Rig();
            rig.RunFor(3000);
            rig.Link.Inject(Sys + "commands/request_id=a1", "{\"command_name\":\"SET_LED\",\"paras\":{\"led\":3,\"state\":1}}");
            rig.RunFor(100);
            rig.Link.Inject(Sys + "commands/request_id=a2", "{\"command_name\":\"SET_LED\",\"paras\":{\"LED3\":0}}");
            rig.RunFor(100);

            rig.Link.Inject(Sys + "commands/request_id=a1", "{\"command_name\":\"SET_LED\",\"paras\":{\"led\":3,\"state\":1}}");
            rig.RunFor(100);

            Assert.AreEqual(2, rig.CountPublished(Sys + "commands/response/request_id=a1", "\"result_code\":0"));
            Assert.IsFalse(rig.Led3.Level);
        }

        [TestMethod]
        public void PropertiesSet_AnsweredAndApplied()
        {
            NodeRig rig = Rig();
            rig.RunFor(3000);

            rig.Link.Inject(Sys + "properties/set/request_id=s1", "{\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"LED1\":1,\"report_period\":30}}]}");
            rig.RunFor(100);

            Assert.AreEqual("{\"result_code\":0,\"result_desc\":\"ok\"}", rig.LastPublished(Sys + "properties/set/response/request_id=s1", ""));
            Assert.IsTrue(rig.Led1.Level);
            Assert.AreEqual(30, rig.Controller.Settings.ReportPeriodSeconds);
        }

        [TestMethod]
        public void MessageDown_LedState_Applied()
        {
            NodeRig rig = Rig();
            rig.RunFor(3000);

            rig.Link.Inject(Sys + "messages/down", "{\"LED3\":1}");
            rig.RunFor(100);

            Assert.IsTrue(rig.Led3.Level);
        }

        [TestMethod]
        [DataRow("{\"LED1\":1,\"LED2\":5}")]
        [DataRow("{\"LED1\":1,\"LED9\":1}")]
        [DataRow("{\"LED1\":1,\"LED2\":\"on\"}")]
        public void MessageDown_OneBadField_NothingApplied(string body)
        {
            NodeRig rig = Rig();
            rig.RunFor(3000);

            rig.Link.Inject(Sys + "messages/down", body);
            rig.RunFor(100);

            Assert.IsFalse(rig.Led1.Level);
            Assert.AreEqual(1, rig.Controller.DownlinkErrors);
        }

        [TestMethod]
        public void Downlink_MalformedJson_CountedNoAnswerForMessages()
        {
            NodeRig rig = Rig();
            rig.RunFor(3000);
            int before = rig.Link.PublishCount;

            rig.Link.Inject(Sys + "messages/down", "{\"LED3\":");
            rig.RunFor(100);

            Assert.AreEqual(1, rig.Controller.DownlinkErrors);
            Assert.AreEqual(before, rig.Link.PublishCount);
        }

        [TestMethod]
        public void TimeSync_RequestAndAnswer_SetClock()
        {
            NodeRig rig = Rig();
            rig.RunFor(100);
            int index = rig.Link.FindPublished(Sys + "events/up", 0);
            Assert.IsTrue(index >= 0);
            string request = rig.Link.PublishedText(index);
            Assert.IsTrue(request.IndexOf("\"$time_sync\"") > 0, request);
            string marker = "\"device_send_time\":";
            int start = request.IndexOf(marker) + marker.Length;
            int end = start;
            while (request[end] >= '0' && request[end] <= '9')
            {
                end++;
            }

            string deviceSend = request.Substring(start, end - start);
            rig.Link.Inject(Sys + "events/down", "{\"object_device_id\":\"" + DeviceId + "\",\"services\":[{\"service_id\":\"$time_sync\",\"event_type\":\"time_sync_response\",\"event_time\":\"20261125T080000Z\",\"paras\":{\"device_send_time\":"
                + deviceSend + ",\"server_recv_time\":1795593600000,\"server_send_time\":1795593600010}}]}");
            rig.RunFor(50);

            Assert.IsTrue(rig.Clock.IsUtcValid);
            TimeSpan error = rig.Clock.UtcNow - new DateTime(2026, 11, 25, 8, 0, 0);
            Assert.IsTrue(error.Ticks >= 0 && error.Ticks < TimeSpan.TicksPerSecond, error.ToString());
        }

        [TestMethod]
        public void Connect_BadCredentials_NotDialledAndErrorNamed()
        {
            NodeRig rig = new NodeRig();
            HuaweiIotdaSettings settings = Settings();
            settings.Secret = "";
            rig.Cloud = new HuaweiIotdaProfile(settings, Stm32Service.CreateDeviceModel());
            rig.Start();

            rig.RunFor(100);

            Assert.AreEqual(0, rig.Link.ConnectCalls);
            Assert.IsTrue(rig.Controller.Links.LastError.IndexOf("credentials") > 0, rig.Controller.Links.LastError);
        }

        private static NodeRig Rig()
        {
            NodeRig rig = new NodeRig();
            rig.Cloud = new HuaweiIotdaProfile(Settings(), Stm32Service.CreateDeviceModel());
            rig.Start();
            return rig;
        }

        private static HuaweiIotdaSettings Settings()
        {
            HuaweiIotdaSettings settings = new HuaweiIotdaSettings();
            settings.Host = "example.iotda-device.cn-north-4.myhuaweicloud.com";
            settings.Port = 8883;
            settings.UseTls = true;
            settings.DeviceId = DeviceId;
            settings.Secret = "Sens0rS3cret!";
            return settings;
        }
    }
}
