#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using StmNode.Cloud;
using StmNode.Node;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Cloud
{
    [TestClass]
    public class NodeCloudAdapterTests
    {
        private static NodeCloudAdapter Adapter(RecordingLog log)
        {
            HuaweiIotdaProfile profile = new HuaweiIotdaProfile(CloudTestData.HuaweiSettings(), DeviceModel.CreatePassThrough());
            return new NodeCloudAdapter(profile, CloudTestData.ClockAt(2024, 6, 10, 3, 15, 0), log);
        }

        private static NodeDownlink Decode(NodeCloudAdapter adapter, string topic, string json)
        {
            byte[] payload = CloudTestData.Utf8(json);
            NodeDownlink downlink = new NodeDownlink();
            adapter.Decode(topic, payload, 0, payload.Length, downlink);
            return downlink;
        }

        private static string Text(CloudMessage message)
        {
            return CloudTestData.Text(message.Payload, 0, message.Payload.Length);
        }

        [TestMethod]
        public void FillConnectOptions_WorkedExample_SignsWithTheClock()
        {
            MqttConnectOptions options = new MqttConnectOptions();

            Adapter(new RecordingLog()).FillConnectOptions(options, new DateTime(2024, 6, 10, 3, 15, 0));

            Assert.AreEqual("660f1e2a7bbf9d23a1b2c3d4_esp32node01_0_0_2024061003", options.ClientId);
            Assert.AreEqual("1a67f20631525e06d136d75928719a0dfccba98a6b2c8a8682f377af1ce87f63", options.Password);
        }

        [TestMethod]
        public void FillConnectOptions_BadDeviceId_LeavesNoClientIdAndLogsWithoutSecret()
        {
            HuaweiIotdaSettings settings = CloudTestData.HuaweiSettings();
            settings.DeviceId = "a#b";
            RecordingLog log = new RecordingLog();
            NodeCloudAdapter adapter = new NodeCloudAdapter(new HuaweiIotdaProfile(settings, DeviceModel.CreatePassThrough()), new ManualClock(), log);
            MqttConnectOptions options = new MqttConnectOptions();
            options.ClientId = "old";

            adapter.FillConnectOptions(options, new DateTime(2024, 6, 10, 3, 15, 0));

            Assert.IsNull(options.ClientId);
            Assert.AreEqual("cannot sign in to huawei-iotda: device id must not contain '#' (MQTT topic character)", adapter.LastError);
            Assert.IsTrue(log.Contains("device id must not contain '#'"));
            Assert.IsFalse(log.Contains(CloudTestData.Secret));
        }

        [TestMethod]
        public void Subscriptions_AreTheProfiles()
        {
            Assert.AreEqual(CloudTestData.Prefix + "commands/#", Adapter(new RecordingLog()).Subscriptions[0]);
        }

        [TestMethod]
        public void Decode_CommandWithLooseValue_PassesItToTheNode()
        {
            NodeDownlink downlink = Decode(Adapter(new RecordingLog()), CloudTestData.Prefix + "commands/request_id=r1",
                "{\"service_id\":\"stm32\",\"command_name\":\"SET_LED\",\"paras\":{\"led\":2,\"state\":\"ON\"}}");

            Assert.AreEqual((int)StmNode.Node.DownlinkKind.Command, (int)downlink.Kind);
            Assert.AreEqual("r1", downlink.RequestId);
            Assert.AreEqual("stm32", downlink.ServiceId);
            Assert.AreEqual("SET_LED", downlink.CommandName);
            Assert.AreEqual(2L, (long)downlink.Paras["led"]);
            Assert.AreEqual("ON", (string)downlink.Paras["state"]);
            Assert.AreEqual("", downlink.Error);
        }

        [TestMethod]
        public void Decode_MalformedCommand_StaysACommandSoTheNodeAnswers()
        {
            NodeDownlink downlink = Decode(Adapter(new RecordingLog()), CloudTestData.Prefix + "commands/request_id=r2", "{\"command_name\":");

            Assert.AreEqual((int)StmNode.Node.DownlinkKind.Command, (int)downlink.Kind);
            Assert.AreEqual("r2", downlink.RequestId);
            Assert.AreEqual("unexpected end at byte 16", downlink.Error);
            Assert.AreEqual(0, downlink.Paras.Count);
        }

        [TestMethod]
        public void Decode_PropertySetGetMessageAndTimeSync_MapToNodeKinds()
        {
            NodeCloudAdapter adapter = Adapter(new RecordingLog());

            NodeDownlink set = Decode(adapter, CloudTestData.Prefix + "properties/set/request_id=s1",
                "{\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"report_period\":60}}]}");
            NodeDownlink get = Decode(adapter, CloudTestData.Prefix + "properties/get/request_id=g1", "{\"service_id\":\"stm32\"}");
            NodeDownlink message = Decode(adapter, CloudTestData.Prefix + "messages/down", "{\"LED1\":1}");
            NodeDownlink time = Decode(adapter, CloudTestData.Prefix + "events/down",
                "{\"services\":[{\"service_id\":\"$time_sync\",\"event_type\":\"time_sync_response\",\"paras\":{\"device_send_time\":5,\"server_recv_time\":7,\"server_send_time\":9}}]}");

            Assert.AreEqual((int)StmNode.Node.DownlinkKind.PropertiesSet, (int)set.Kind);
            Assert.AreEqual(60L, (long)set.Paras["report_period"]);
            Assert.AreEqual("s1", set.RequestId);
            Assert.AreEqual((int)StmNode.Node.DownlinkKind.PropertiesGet, (int)get.Kind);
            Assert.AreEqual("g1", get.RequestId);
            Assert.AreEqual((int)StmNode.Node.DownlinkKind.Message, (int)message.Kind);
            Assert.AreEqual(1L, (long)message.Paras["LED1"]);
            Assert.AreEqual((int)StmNode.Node.DownlinkKind.TimeSync, (int)time.Kind);
            Assert.AreEqual(5L, time.DeviceSendMs);
            Assert.AreEqual(7L, time.ServerRecvMs);
            Assert.AreEqual(9L, time.ServerSendMs);
        }

        [TestMethod]
        [DataRow("$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/messages/down", "{\"LED1\":[1]}", "LED1 is not a number, boolean or string")]
        [DataRow("$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/events/down", "{", "unexpected end at byte 1")]
        [DataRow("other/topic", "{}", "not a topic of huawei-iotda")]
        public void Decode_UnusableMessage_IsUnknownWithReason(string topic, string json, string error)
        {
            NodeDownlink downlink = Decode(Adapter(new RecordingLog()), topic, json);

            Assert.AreEqual((int)StmNode.Node.DownlinkKind.Unknown, (int)downlink.Kind);
            Assert.AreEqual(error, downlink.Error);
        }

        [TestMethod]
        public void EncodeReport_NodeReport_IsIotdaReportWithEventTime()
        {
            NodeReport report = new NodeReport("stm32", 0);
            report.AddDouble("DHT11_T", 18.5);
            report.AddDouble("DHT11_H", double.NaN);
            report.AddInt("MQ2", 1);
            report.AddBool("flame", false);
            report.AddString("note", "ok");
            report.SetEventTime(new DateTime(2024, 6, 10, 3, 15, 2));

            CloudMessage message = Adapter(new RecordingLog()).EncodeReport(report);

            Assert.AreEqual(CloudTestData.Prefix + "properties/report", message.Topic);
            Assert.AreEqual("{\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"DHT11_T\":18.5,\"MQ2\":1,\"flame\":false,\"note\":\"ok\"},"
                + "\"event_time\":\"20240610T031502Z\"}]}", Text(message));
        }

        [TestMethod]
        public void EncodeReport_TooLarge_GivesMessageTheLinkRefuses()
        {
            NodeReport report = new NodeReport("stm32", 0);
            report.AddString("big", new string('x', NodeCloudAdapter.BufferSize));
            RecordingLog log = new RecordingLog();
            NodeCloudAdapter adapter = Adapter(log);

            CloudMessage message = adapter.EncodeReport(report);

            Assert.AreEqual("", message.Topic);
            Assert.AreEqual(0, message.Payload.Length);
            Assert.IsNotNull(adapter.LastError);
            Assert.AreEqual(1, log.Count);
        }

        [TestMethod]
        public void EncodeCommandResponse_Success_UsesResponseNameAndResult()
        {
            CloudMessage message = Adapter(new RecordingLog()).EncodeCommandResponse("4d9b0a1c-77",
                new CommandReply(0, "SET_INTERVAL_RSP").Add("result", "ok"));

            Assert.AreEqual(CloudTestData.Prefix + "commands/response/request_id=4d9b0a1c-77", message.Topic);
            Assert.AreEqual("{\"result_code\":0,\"response_name\":\"SET_INTERVAL_RSP\",\"paras\":{\"result\":\"ok\"}}", Text(message));
        }

        [TestMethod]
        public void EncodeCommandResponse_Failure_SendsTheReasonAsResult()
        {
            CloudMessage message = Adapter(new RecordingLog()).EncodeCommandResponse("r9",
                new CommandReply(1, "").Add("result", "error").Add("reason", "unknown command 'FLY'"));

            Assert.AreEqual("{\"result_code\":1,\"paras\":{\"result\":\"unknown command 'FLY'\"}}", Text(message));
        }

        [TestMethod]
        public void EncodeSetAndGetResponses_UseTheRequestTopics()
        {
            NodeCloudAdapter adapter = Adapter(new RecordingLog());
            NodeReport report = new NodeReport("stm32", 0);
            report.AddInt("LED1", 1);

            CloudMessage set = adapter.EncodeSetResponse("s1", 1, "bad value for 'LED1'");
            CloudMessage get = adapter.EncodeGetResponse("g1", report);

            Assert.AreEqual(CloudTestData.Prefix + "properties/set/response/request_id=s1", set.Topic);
            Assert.AreEqual("{\"result_code\":1,\"result_desc\":\"bad value for 'LED1'\"}", Text(set));
            Assert.AreEqual(CloudTestData.Prefix + "properties/get/response/request_id=g1", get.Topic);
            Assert.AreEqual("{\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"LED1\":1}}]}", Text(get));
        }

        [TestMethod]
        public void EncodeTimeSyncRequest_Huawei_IsTimeSyncEvent()
        {
            CloudMessage message = Adapter(new RecordingLog()).EncodeTimeSyncRequest(1717989300123, new DateTime(2024, 6, 10, 3, 15, 0));

            Assert.AreEqual(CloudTestData.Prefix + "events/up", message.Topic);
            Assert.IsTrue(Text(message).IndexOf("\"device_send_time\":1717989300123") > 0);
        }

        [TestMethod]
        public void EncodeTimeSyncRequest_CloudWithoutTimeSync_GivesMessageTheLinkRefuses()
        {
            GenericMqttSettings settings = new GenericMqttSettings();
            settings.Host = "h";
            settings.DeviceId = "d";
            NodeCloudAdapter adapter = new NodeCloudAdapter(new GenericMqttProfile(settings, DeviceModel.CreatePassThrough()), new ManualClock(), new RecordingLog());

            CloudMessage message = adapter.EncodeTimeSyncRequest(1, new DateTime(2024, 6, 10, 3, 15, 0));

            Assert.AreEqual("", message.Topic);
            Assert.AreEqual("generic has no time sync", adapter.LastError);
        }
    }
}
