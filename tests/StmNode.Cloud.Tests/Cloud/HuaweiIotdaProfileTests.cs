#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Cloud;

namespace StmNode.Tests.Cloud
{
    [TestClass]
    public class HuaweiIotdaProfileTests
    {
        [TestMethod]
        public void SubscriptionFilters_AreTheSystemTopicsWithWildcards()
        {
            string[] filters = CloudTestData.Huawei().SubscriptionFilters;

            Assert.AreEqual(5, filters.Length);
            Assert.AreEqual("$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/commands/#", filters[0]);
            Assert.AreEqual("$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/properties/set/#", filters[1]);
            Assert.AreEqual("$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/properties/get/#", filters[2]);
            Assert.AreEqual("$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/messages/down", filters[3]);
            Assert.AreEqual("$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/events/down", filters[4]);
        }

        [TestMethod]
        public void Topics_AllDeviceTopics_MatchProtocolsDoc()
        {
            HuaweiIotdaTopics topics = new HuaweiIotdaTopics("dev1");

            Assert.AreEqual("$oc/devices/dev1/sys/properties/report", topics.PropertiesReport);
            Assert.AreEqual("$oc/devices/dev1/sys/messages/up", topics.MessagesUp);
            Assert.AreEqual("$oc/devices/dev1/sys/messages/down", topics.MessagesDown);
            Assert.AreEqual("$oc/devices/dev1/sys/commands/#", topics.CommandsFilter);
            Assert.AreEqual("$oc/devices/dev1/sys/commands/response/request_id=r1", topics.CommandResponse("r1"));
            Assert.AreEqual("$oc/devices/dev1/sys/properties/set/#", topics.PropertiesSetFilter);
            Assert.AreEqual("$oc/devices/dev1/sys/properties/set/response/request_id=r2", topics.PropertiesSetResponse("r2"));
            Assert.AreEqual("$oc/devices/dev1/sys/properties/get/#", topics.PropertiesGetFilter);
            Assert.AreEqual("$oc/devices/dev1/sys/properties/get/response/request_id=r3", topics.PropertiesGetResponse("r3"));
            Assert.AreEqual("$oc/devices/dev1/sys/events/up", topics.EventsUp);
            Assert.AreEqual("$oc/devices/dev1/sys/events/down", topics.EventsDown);
            Assert.AreEqual("$oc/devices/dev1/sys/shadow/get/request_id=7", topics.ShadowGet("7"));
            Assert.AreEqual("$oc/devices/dev1/sys/shadow/get/response/#", topics.ShadowGetResponseFilter);
        }

        [TestMethod]
        public void ReportAndTimeSyncTopics_AreTheDevicesOwn()
        {
            HuaweiIotdaProfile profile = CloudTestData.Huawei();

            Assert.AreEqual(CloudTestData.Prefix + "properties/report", profile.ReportTopic);
            Assert.AreEqual(CloudTestData.Prefix + "events/up", profile.TimeSyncTopic);
            Assert.AreEqual("huawei-iotda", profile.Name);
        }

        [TestMethod]
        public void Decode_LedMessage_GivesLedStates()
        {
            Downlink downlink = CloudTestData.Decode(CloudTestData.Huawei(), CloudTestData.Prefix + "messages/down", "{\"LED1\":1}");

            Assert.AreEqual((int)DownlinkKind.LedMessage, (int)downlink.Kind);
            Assert.IsTrue(downlink.IsOk);
            Assert.IsFalse(downlink.NeedsResponse);
            Assert.AreEqual(1, downlink.Parameters.Count);
            Assert.AreEqual(1L, downlink.GetLong("LED1", -1));
        }

        [TestMethod]
        public void Decode_LedMessageTwoLeds_GivesBoth()
        {
            Downlink downlink = CloudTestData.Decode(CloudTestData.Huawei(), CloudTestData.Prefix + "messages/down", "{\"LED1\":1,\"LED3\":0}");

            Assert.IsTrue(downlink.IsOk);
            Assert.AreEqual(2, downlink.Parameters.Count);
            Assert.AreEqual(1L, downlink.GetLong("LED1", -1));
            Assert.AreEqual(0L, downlink.GetLong("LED3", -1));
            Assert.IsFalse(downlink.Has("LED2"));
        }

        [TestMethod]
        public void Decode_LedMessageInSystemFormat_ReadsContent()
        {
            Downlink downlink = CloudTestData.Decode(CloudTestData.Huawei(), CloudTestData.Prefix + "messages/down",
                "{\"object_device_id\":\"x\",\"name\":\"led\",\"id\":\"9\",\"content\":{\"LED2\":1}}");

            Assert.IsTrue(downlink.IsOk);
            Assert.AreEqual(1L, downlink.GetLong("LED2", -1));
        }

        [TestMethod]
        [DataRow("{\"LED1\":2}", 4)]
        [DataRow("{\"LED1\":-1}", 4)]
        [DataRow("{\"LED1\":99999999999999999999999}", 4)]
        [DataRow("{\"LED1\":1e400}", 4)]
        [DataRow("{\"LED1\":\"1\"}", 3)]
        [DataRow("{\"LED1\":1.5}", 4)]
        [DataRow("{\"LED1\":0.5}", 3)]
        [DataRow("{\"LED1\":1.0}", 3)]
        [DataRow("{\"LED1\":true}", 3)]
        [DataRow("{\"LED1\":null}", 3)]
        [DataRow("{\"LED1\":{}}", 3)]
        [DataRow("{\"LED4\":1}", 6)]
        [DataRow("{\"LED1\":1,\"LED9\":0}", 6)]
        [DataRow("{}", 2)]
        [DataRow("[1]", 2)]
        [DataRow("\"LED1\"", 2)]
        [DataRow("{\"content\":\"LED1\"}", 3)]
        [DataRow("{\"LED1\":", 1)]
        [DataRow("{\"LED1\":1", 1)]
        [DataRow("", 1)]
        [DataRow("{\"LED1\":01}", 1)]
        [DataRow("{\"LED1\":1}}", 1)]
        [DataRow("[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]", 1)]
        [DataRow("{\"LED1\":111111111111111111111111111111111111111111111111111111}", 1)]
        public void Decode_BadLedMessage_GivesTypedError(string json, int error)
        {
            Downlink downlink = CloudTestData.Decode(CloudTestData.Huawei(), CloudTestData.Prefix + "messages/down", json);

            Assert.AreEqual((int)DownlinkKind.LedMessage, (int)downlink.Kind);
            Assert.AreEqual(error, (int)downlink.Error);
            Assert.IsNotNull(downlink.ErrorDetail);
        }

        [TestMethod]
        public void Decode_LedMessageInvalidUtf8_IsMalformedWithPosition()
        {
            byte[] payload = new byte[] { 0x7B, 0x22, 0x4C, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D };

            Downlink downlink = CloudTestData.Huawei().Decode(CloudTestData.Prefix + "messages/down", payload, 0, payload.Length);

            Assert.AreEqual((int)DownlinkError.MalformedJson, (int)downlink.Error);
            Assert.AreEqual("invalid UTF-8 at byte 3", downlink.ErrorDetail);
        }

        [TestMethod]
        public void Decode_PayloadOverLimit_IsTooLarge()
        {
            byte[] payload = new byte[CloudJson.MaxPayloadBytes + 1];

            Downlink downlink = CloudTestData.Huawei().Decode(CloudTestData.Prefix + "messages/down", payload, 0, payload.Length);

            Assert.AreEqual((int)DownlinkError.TooLarge, (int)downlink.Error);
        }

        [TestMethod]
        public void Decode_WorkedExampleCommand_GivesCommandWithRequestId()
        {
            HuaweiIotdaProfile profile = CloudTestData.Huawei();

            Downlink downlink = CloudTestData.Decode(profile, CloudTestData.Prefix + "commands/request_id=4d9b0a1c-77",
                "{\"service_id\":\"stm32\",\"command_name\":\"SET_INTERVAL\",\"paras\":{\"seconds\":600}}");

            Assert.AreEqual((int)DownlinkKind.Command, (int)downlink.Kind);
            Assert.IsTrue(downlink.IsOk);
            Assert.IsTrue(downlink.NeedsResponse);
            Assert.AreEqual("4d9b0a1c-77", downlink.RequestId);
            Assert.AreEqual("stm32", downlink.ServiceId);
            Assert.AreEqual("SET_INTERVAL", downlink.CommandName);
            Assert.AreEqual("SET_INTERVAL_RSP", downlink.ResponseName);
            Assert.AreEqual(600L, downlink.GetLong("seconds", 0));
            Assert.AreEqual(CloudTestData.Prefix + "commands/response/request_id=4d9b0a1c-77", profile.ResponseTopic(downlink));
        }

        [TestMethod]
        public void Decode_SetLedCommandWithoutServiceId_GivesLedParameters()
        {
            Downlink downlink = CloudTestData.Decode(CloudTestData.Huawei(), CloudTestData.Prefix + "commands/request_id=1",
                "{\"object_device_id\":\"x\",\"command_name\":\"SET_LED\",\"paras\":{\"LED1\":1,\"LED3\":0}}");

            Assert.IsTrue(downlink.IsOk);
            Assert.IsNull(downlink.ServiceId);
            Assert.AreEqual(1L, downlink.GetLong("LED1", -1));
            Assert.AreEqual(0L, downlink.GetLong("LED3", -1));
        }

        [TestMethod]
        public void Decode_CommandWithoutParas_IsFineWhenNoneAreDeclared()
        {
            Downlink downlink = CloudTestData.Decode(CloudTestData.Huawei(), CloudTestData.Prefix + "commands/request_id=2",
                "{\"service_id\":\"stm32\",\"command_name\":\"REPORT_NOW\"}");

            Assert.IsTrue(downlink.IsOk);
            Assert.AreEqual(0, downlink.Parameters.Count);
        }

        [TestMethod]
        [DataRow("{\"service_id\":\"stm32\",\"command_name\":\"REBOOT\",\"paras\":{}}", 5)]
        [DataRow("{\"service_id\":\"pump\",\"command_name\":\"SET_LED\",\"paras\":{\"LED1\":1}}", 5)]
        [DataRow("{\"service_id\":\"stm32\",\"paras\":{\"seconds\":600}}", 2)]
        [DataRow("{\"command_name\":5}", 3)]
        [DataRow("{\"command_name\":\"SET_INTERVAL\"}", 2)]
        [DataRow("{\"command_name\":\"SET_INTERVAL\",\"paras\":{}}", 2)]
        [DataRow("{\"command_name\":\"SET_LED\",\"paras\":{}}", 2)]
        [DataRow("{\"command_name\":\"SET_INTERVAL\",\"paras\":[600]}", 3)]
        [DataRow("{\"command_name\":\"SET_INTERVAL\",\"paras\":{\"seconds\":5}}", 4)]
        [DataRow("{\"command_name\":\"SET_INTERVAL\",\"paras\":{\"seconds\":86401}}", 4)]
        [DataRow("{\"command_name\":\"SET_INTERVAL\",\"paras\":{\"seconds\":\"600\"}}", 3)]
        [DataRow("{\"command_name\":\"SET_INTERVAL\",\"paras\":{\"seconds\":600,\"mode\":1}}", 6)]
        [DataRow("{\"service_id\":7,\"command_name\":\"SET_LED\"}", 3)]
        [DataRow("{\"command_name\":\"SET_INTERVAL\",\"paras\":{\"seconds\":6", 1)]
        public void Decode_BadCommand_KeepsRequestIdAndGivesTypedError(string json, int error)
        {
            HuaweiIotdaProfile profile = CloudTestData.Huawei();

            Downlink downlink = CloudTestData.Decode(profile, CloudTestData.Prefix + "commands/request_id=abc", json);

            Assert.AreEqual((int)DownlinkKind.Command, (int)downlink.Kind);
            Assert.AreEqual(error, (int)downlink.Error);
            Assert.AreEqual("abc", downlink.RequestId);
            Assert.AreEqual(CloudTestData.Prefix + "commands/response/request_id=abc", profile.ResponseTopic(downlink));
        }

        [TestMethod]
        public void Decode_UnknownCommand_NamesIt()
        {
            Downlink downlink = CloudTestData.Decode(CloudTestData.Huawei(), CloudTestData.Prefix + "commands/request_id=abc",
                "{\"command_name\":\"REBOOT\"}");

            Assert.AreEqual("command REBOOT is not known", downlink.ErrorDetail);
            Assert.IsNull(downlink.ResponseName);
        }

        [TestMethod]
        [DataRow("$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/commands/request_id=")]
        [DataRow("$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/commands/request_id=a/b")]
        [DataRow("$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/commands/response/request_id=a")]
        [DataRow("$oc/devices/other/sys/commands/request_id=a")]
        [DataRow("$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/shadow/get/response/request_id=1")]
        [DataRow("devices/x")]
        [DataRow("")]
        public void Decode_OtherTopic_IsUnknownWithoutError(string topic)
        {
            HuaweiIotdaProfile profile = CloudTestData.Huawei();

            Downlink downlink = CloudTestData.Decode(profile, topic, "{\"command_name\":\"SET_LED\",\"paras\":{\"LED1\":1}}");

            Assert.AreEqual((int)DownlinkKind.Unknown, (int)downlink.Kind);
            Assert.IsTrue(downlink.IsOk);
            Assert.IsNull(profile.ResponseTopic(downlink));
        }

        [TestMethod]
        public void Decode_PropertySet_GivesWritableProperties()
        {
            HuaweiIotdaProfile profile = CloudTestData.Huawei();

            Downlink downlink = CloudTestData.Decode(profile, CloudTestData.Prefix + "properties/set/request_id=s1",
                "{\"object_device_id\":\"x\",\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"LED2\":1}}]}");

            Assert.AreEqual((int)DownlinkKind.PropertySet, (int)downlink.Kind);
            Assert.IsTrue(downlink.IsOk);
            Assert.AreEqual("s1", downlink.RequestId);
            Assert.AreEqual("stm32", downlink.ServiceId);
            Assert.AreEqual(1L, downlink.GetLong("LED2", -1));
            Assert.AreEqual(CloudTestData.Prefix + "properties/set/response/request_id=s1", profile.ResponseTopic(downlink));
        }

        [TestMethod]
        [DataRow("{\"object_device_id\":\"x\"}", 2)]
        [DataRow("{\"services\":[]}", 2)]
        [DataRow("{\"services\":{}}", 3)]
        [DataRow("{\"services\":[1]}", 3)]
        [DataRow("{\"services\":[{\"service_id\":\"stm32\"}]}", 2)]
        [DataRow("{\"services\":[{\"service_id\":\"pump\",\"properties\":{\"LED1\":1}}]}", 6)]
        [DataRow("{\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"DHT11_T\":5}}]}", 6)]
        [DataRow("{\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"LED1\":3}}]}", 4)]
        [DataRow("{\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"LED1\":false}}]}", 3)]
        public void Decode_BadPropertySet_GivesTypedError(string json, int error)
        {
            Downlink downlink = CloudTestData.Decode(CloudTestData.Huawei(), CloudTestData.Prefix + "properties/set/request_id=s2", json);

            Assert.AreEqual((int)DownlinkKind.PropertySet, (int)downlink.Kind);
            Assert.AreEqual(error, (int)downlink.Error);
            Assert.AreEqual("s2", downlink.RequestId);
        }

        [TestMethod]
        [DataRow("{\"object_device_id\":\"x\",\"service_id\":\"stm32\"}", "stm32")]
        [DataRow("{\"object_device_id\":\"x\",\"service_id\":\"diag\"}", "diag")]
        public void Decode_PropertyGet_GivesServiceId(string json, string serviceId)
        {
            HuaweiIotdaProfile profile = CloudTestData.Huawei();

            Downlink downlink = CloudTestData.Decode(profile, CloudTestData.Prefix + "properties/get/request_id=g1", json);

            Assert.AreEqual((int)DownlinkKind.PropertyGet, (int)downlink.Kind);
            Assert.IsTrue(downlink.IsOk);
            Assert.AreEqual(serviceId, downlink.ServiceId);
            Assert.AreEqual(CloudTestData.Prefix + "properties/get/response/request_id=g1", profile.ResponseTopic(downlink));
        }

        [TestMethod]
        public void Decode_PropertyGetAllServices_HasNoServiceId()
        {
            Downlink downlink = CloudTestData.Decode(CloudTestData.Huawei(), CloudTestData.Prefix + "properties/get/request_id=g2", "{}");

            Assert.IsTrue(downlink.IsOk);
            Assert.IsNull(downlink.ServiceId);
        }

        [TestMethod]
        public void Decode_TimeSyncResponse_GivesTimesAndServerTime()
        {
            Downlink downlink = CloudTestData.Decode(CloudTestData.Huawei(), CloudTestData.Prefix + "events/down",
                "{\"object_device_id\":\"660f1e2a7bbf9d23a1b2c3d4_esp32node01\",\"services\":[{\"service_id\":\"$time_sync\",\"event_type\":\"time_sync_response\","
                + "\"event_time\":\"20240610T031500Z\",\"paras\":{\"device_send_time\":1000,\"server_recv_time\":1717989300100,\"server_send_time\":1717989300110}}]}");

            Assert.AreEqual((int)DownlinkKind.TimeSync, (int)downlink.Kind);
            Assert.IsTrue(downlink.IsOk);
            Assert.AreEqual(1000L, downlink.DeviceSendTimeMs);
            Assert.AreEqual(1717989300100L, downlink.ServerRecvTimeMs);
            Assert.AreEqual(1717989300110L, downlink.ServerSendTimeMs);
        }

        [TestMethod]
        public void ReadServerTime_AnswerToTheRequest_GivesIotdaFormula()
        {
            Downlink answer = TimeSyncAnswer(1000, 1717989300100, 1717989300110);

            long serverMs;
            string error = answer.ReadServerTime(1000, 1300, out serverMs);

            // (server_recv + server_send + device_recv − device_send) / 2 with device_recv = 1300
            Assert.IsNull(error);
            Assert.AreEqual(1717989300255L, serverMs);
        }

        [TestMethod]
        [DataRow(999L, 1717989300100L, 1717989300110L, "the answer does not match the request")]
        [DataRow(1000L, 1717989300110L, 1717989300100L, "the answer does not match the request")]
        [DataRow(1000L, 0L, 10L, "the answer does not match the request")]
        [DataRow(1000L, 1546300800000L, 1546300800000L, "the answer gives an implausible time")]
        [DataRow(1000L, 4102444800000L, 4102444800000L, "the answer gives an implausible time")]
        [DataRow(1000L, 4102444799999L, 4102444799999L, "the answer gives an implausible time")]
        public void ReadServerTime_OtherRequestOrImplausible_SaysWhy(long requestSentMs, long serverRecvMs, long serverSendMs, string expected)
        {
            Downlink answer = TimeSyncAnswer(1000, serverRecvMs, serverSendMs);

            long serverMs;
            Assert.AreEqual(expected, answer.ReadServerTime(requestSentMs, 1300, out serverMs));
        }

        private static Downlink TimeSyncAnswer(long deviceSendMs, long serverRecvMs, long serverSendMs)
        {
            return CloudTestData.Decode(CloudTestData.Huawei(), CloudTestData.Prefix + "events/down",
                "{\"services\":[{\"service_id\":\"$time_sync\",\"event_type\":\"time_sync_response\",\"paras\":{\"device_send_time\":"
                + deviceSendMs.ToString() + ",\"server_recv_time\":" + serverRecvMs.ToString() + ",\"server_send_time\":" + serverSendMs.ToString() + "}}]}");
        }

        [TestMethod]
        [DataRow("{\"services\":[{\"service_id\":\"$time_sync\",\"event_type\":\"time_sync_response\",\"paras\":{\"device_send_time\":1,\"server_recv_time\":2}}]}", 2)]
        [DataRow("{\"services\":[{\"service_id\":\"$time_sync\",\"event_type\":\"time_sync_response\",\"paras\":{\"device_send_time\":1,\"server_recv_time\":2,\"server_send_time\":\"3\"}}]}", 3)]
        [DataRow("{\"services\":[{\"service_id\":\"$time_sync\",\"event_type\":\"time_sync_response\",\"paras\":{\"device_send_time\":1,\"server_recv_time\":2.5,\"server_send_time\":3}}]}", 3)]
        [DataRow("{\"services\":[{\"service_id\":\"$time_sync\",\"event_type\":\"time_sync_response\"}]}", 2)]
        public void Decode_BadTimeSyncResponse_GivesTypedError(string json, int error)
        {
            Downlink downlink = CloudTestData.Decode(CloudTestData.Huawei(), CloudTestData.Prefix + "events/down", json);

            Assert.AreEqual((int)DownlinkKind.TimeSync, (int)downlink.Kind);
            Assert.AreEqual(error, (int)downlink.Error);
        }

        [TestMethod]
        [DataRow("{\"services\":[{\"service_id\":\"$ota\",\"event_type\":\"version_query\",\"paras\":{}}]}", 0)]
        [DataRow("{\"object_device_id\":\"x\"}", 0)]
        [DataRow("{\"services\":", 1)]
        public void Decode_OtherEvent_IsUnknown(string json, int error)
        {
            Downlink downlink = CloudTestData.Decode(CloudTestData.Huawei(), CloudTestData.Prefix + "events/down", json);

            Assert.AreEqual((int)DownlinkKind.Unknown, (int)downlink.Kind);
            Assert.AreEqual(error, (int)downlink.Error);
        }

        [TestMethod]
        public void EncodeReply_WorkedExampleCommand_MatchesProtocolsDoc()
        {
            HuaweiIotdaProfile profile = CloudTestData.Huawei();
            Downlink request = CloudTestData.Decode(profile, CloudTestData.Prefix + "commands/request_id=4d9b0a1c-77",
                "{\"service_id\":\"stm32\",\"command_name\":\"SET_INTERVAL\",\"paras\":{\"seconds\":600}}");
            byte[] buffer = new byte[200];

            int length = profile.EncodeReply(request, new Reply(0, "ok"), buffer, 0, buffer.Length);

            Assert.AreEqual("{\"result_code\":0,\"response_name\":\"SET_INTERVAL_RSP\",\"paras\":{\"result\":\"ok\"}}", CloudTestData.Text(buffer, 0, length));
        }

        [TestMethod]
        public void EncodeReply_CommandWithParameters_PutsTextAndParametersInParas()
        {
            HuaweiIotdaProfile profile = CloudTestData.Huawei();
            Downlink request = CloudTestData.Decode(profile, CloudTestData.Prefix + "commands/request_id=7f3a",
                "{\"service_id\":\"stm32\",\"command_name\":\"SET_LED\",\"paras\":{\"LED2\":1}}");
            byte[] buffer = new byte[200];

            int length = profile.EncodeReply(request, new Reply(0, "success").Add("LED1", 0).Add("LED2", 1).Add("mode", "manual"), buffer, 0, buffer.Length);

            Assert.AreEqual(CloudTestData.Prefix + "commands/response/request_id=7f3a", profile.ResponseTopic(request));
            Assert.AreEqual("{\"result_code\":0,\"response_name\":\"SET_LED_RSP\",\"paras\":{\"result\":\"success\",\"LED1\":0,\"LED2\":1,\"mode\":\"manual\"}}",
                CloudTestData.Text(buffer, 0, length));
        }

        [TestMethod]
        public void EncodeReply_UnknownCommand_GivesFailureWithReason()
        {
            HuaweiIotdaProfile profile = CloudTestData.Huawei();
            Downlink request = CloudTestData.Decode(profile, CloudTestData.Prefix + "commands/request_id=9", "{\"command_name\":\"REBOOT\"}");
            byte[] buffer = new byte[200];

            int length = profile.EncodeReply(request, new Reply(1, request.ErrorDetail), buffer, 0, buffer.Length);

            Assert.AreEqual("{\"result_code\":1,\"paras\":{\"result\":\"command REBOOT is not known\"}}", CloudTestData.Text(buffer, 0, length));
        }

        [TestMethod]
        public void EncodeReply_PropertySet_GivesResultCodeAndDescription()
        {
            HuaweiIotdaProfile profile = CloudTestData.Huawei();
            Downlink request = CloudTestData.Decode(profile, CloudTestData.Prefix + "properties/set/request_id=s1",
                "{\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"LED2\":1}}]}");
            byte[] buffer = new byte[200];

            int length = profile.EncodeReply(request, new Reply(0, "ok"), buffer, 5, 100);

            Assert.AreEqual("{\"result_code\":0,\"result_desc\":\"ok\"}", CloudTestData.Text(buffer, 5, length));
        }

        [TestMethod]
        public void EncodeReply_BufferTooSmall_ReturnsMinusOne()
        {
            HuaweiIotdaProfile profile = CloudTestData.Huawei();
            Downlink request = CloudTestData.Decode(profile, CloudTestData.Prefix + "commands/request_id=1", "{\"command_name\":\"REPORT_NOW\"}");

            Assert.AreEqual(-1, profile.EncodeReply(request, new Reply(0, "ok"), new byte[20], 0, 20));
        }

        [TestMethod]
        public void EncodeReply_LedMessage_NeedsNoAnswer()
        {
            HuaweiIotdaProfile profile = CloudTestData.Huawei();
            Downlink request = CloudTestData.Decode(profile, CloudTestData.Prefix + "messages/down", "{\"LED1\":1}");

            Assert.IsNull(profile.ResponseTopic(request));
            Assert.AreEqual(-1, profile.EncodeReply(request, new Reply(0, "ok"), new byte[100], 0, 100));
        }

        [TestMethod]
        public void EncodeTimeSyncRequest_GivesTimeSyncEvent()
        {
            HuaweiIotdaProfile profile = CloudTestData.Huawei();
            byte[] buffer = new byte[300];

            int length = profile.EncodeTimeSyncRequest(1717989300123, buffer, 0, buffer.Length);

            Assert.AreEqual("{\"object_device_id\":\"660f1e2a7bbf9d23a1b2c3d4_esp32node01\",\"services\":[{\"service_id\":\"$time_sync\","
                + "\"event_type\":\"time_sync_request\",\"paras\":{\"device_send_time\":1717989300123}}]}", CloudTestData.Text(buffer, 0, length));
        }

        [TestMethod]
        public void PropertyGetAnswer_WithReportEncoder_IsReportShaped()
        {
            HuaweiIotdaProfile profile = CloudTestData.Huawei();
            Downlink request = CloudTestData.Decode(profile, CloudTestData.Prefix + "properties/get/request_id=g1", "{\"service_id\":\"stm32\"}");
            byte[] buffer = new byte[200];

            IReportEncoder encoder = profile.ReportEncoder;
            encoder.Begin(buffer, 0, buffer.Length);
            encoder.BeginService(request.ServiceId);
            encoder.AddInt("LED1", 1);
            encoder.EndService();
            int length = encoder.End();

            Assert.AreEqual(CloudTestData.Prefix + "properties/get/response/request_id=g1", profile.ResponseTopic(request));
            Assert.AreEqual("{\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"LED1\":1}}]}", CloudTestData.Text(buffer, 0, length));
        }
    }
}
