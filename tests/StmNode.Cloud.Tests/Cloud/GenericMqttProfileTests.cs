#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Cloud;
using StmNode.Ports;

namespace StmNode.Tests.Cloud
{
    [TestClass]
    public class GenericMqttProfileTests
    {
        private static GenericMqttSettings Settings()
        {
            GenericMqttSettings settings = new GenericMqttSettings();
            settings.Host = "127.0.0.1";
            settings.DeviceId = "node7";
            settings.Username = "user";
            settings.Password = "pass";
            return settings;
        }

        private static GenericMqttProfile Profile()
        {
            return new GenericMqttProfile(Settings(), CloudTestData.Model());
        }

        [TestMethod]
        public void DefaultTemplates_GiveTopicsAndFilter()
        {
            GenericMqttProfile profile = Profile();

            Assert.AreEqual("devices/node7/report", profile.ReportTopic);
            Assert.AreEqual(1, profile.SubscriptionFilters.Length);
            Assert.AreEqual("devices/node7/commands/+", profile.SubscriptionFilters[0]);
            Assert.IsNull(profile.TimeSyncTopic);
        }

        [TestMethod]
        public void TryCreateConnectOptions_PlainCredentials_AreCopied()
        {
            MqttConnectOptions options = new MqttConnectOptions();

            Assert.IsTrue(Profile().TryCreateConnectOptions(new Fakes.ManualClock(), options, out string error));

            Assert.AreEqual("127.0.0.1", options.Host);
            Assert.AreEqual("node7", options.ClientId);
            Assert.AreEqual("user", options.Username);
            Assert.AreEqual("pass", options.Password);
            Assert.AreEqual(120, options.KeepAliveSeconds);
        }

        [TestMethod]
        public void Decode_Command_IsAnsweredOnResponseTemplate()
        {
            GenericMqttProfile profile = Profile();
            Downlink downlink = CloudTestData.Decode(profile, "devices/node7/commands/42",
                "{\"service_id\":\"stm32\",\"command_name\":\"SET_LED\",\"paras\":{\"LED2\":1}}");
            byte[] buffer = new byte[100];

            int length = profile.EncodeReply(downlink, new Reply(0, "ok"), buffer, 0, buffer.Length);

            Assert.AreEqual((int)DownlinkKind.Command, (int)downlink.Kind);
            Assert.IsTrue(downlink.IsOk);
            Assert.AreEqual("42", downlink.RequestId);
            Assert.AreEqual(1L, downlink.GetLong("LED2", -1));
            Assert.AreEqual("devices/node7/commands/response/42", profile.ResponseTopic(downlink));
            Assert.AreEqual("{\"result_code\":0,\"response_name\":\"SET_LED_RSP\",\"paras\":{\"result\":\"ok\"}}", CloudTestData.Text(buffer, 0, length));
        }

        [TestMethod]
        public void Decode_LedJsonOnCommandTopic_IsLedMessageWithoutAnswer()
        {
            GenericMqttProfile profile = Profile();

            Downlink downlink = CloudTestData.Decode(profile, "devices/node7/commands/1", "{\"LED1\":1,\"LED3\":0}");

            Assert.AreEqual((int)DownlinkKind.LedMessage, (int)downlink.Kind);
            Assert.IsTrue(downlink.IsOk);
            Assert.AreEqual(0L, downlink.GetLong("LED3", -1));
            Assert.IsNull(profile.ResponseTopic(downlink));
        }

        [TestMethod]
        [DataRow("{\"command_name\":\"FLY\"}", 5)]
        [DataRow("{\"command_name\":\"SET_LED\",\"paras\":{\"LED1\":7}}", 4)]
        [DataRow("{\"command_name\":", 1)]
        public void Decode_BadCommand_KeepsRequestId(string json, int error)
        {
            GenericMqttProfile profile = Profile();

            Downlink downlink = CloudTestData.Decode(profile, "devices/node7/commands/9", json);

            Assert.AreEqual((int)DownlinkKind.Command, (int)downlink.Kind);
            Assert.AreEqual(error, (int)downlink.Error);
            Assert.AreEqual("devices/node7/commands/response/9", profile.ResponseTopic(downlink));
        }

        [TestMethod]
        [DataRow("devices/node7/commands")]
        [DataRow("devices/node7/commands/")]
        [DataRow("devices/node7/commands/1/2")]
        [DataRow("devices/node8/commands/1")]
        [DataRow("devices/node7/commands/response/1")]
        public void Decode_OtherTopic_IsUnknown(string topic)
        {
            Downlink downlink = CloudTestData.Decode(Profile(), topic, "{\"LED1\":1}");

            Assert.AreEqual((int)DownlinkKind.Unknown, (int)downlink.Kind);
        }

        [TestMethod]
        public void CustomTemplates_WithoutRequestId_MatchExactTopic()
        {
            GenericMqttSettings settings = Settings();
            settings.ReportTopic = "farm/{device_id}/up";
            settings.CommandTopic = "farm/{device_id}/down";
            settings.ResponseTopic = "farm/{device_id}/ack";
            GenericMqttProfile profile = new GenericMqttProfile(settings, CloudTestData.Model());

            Downlink downlink = CloudTestData.Decode(profile, "farm/node7/down", "{\"command_name\":\"REPORT_NOW\"}");

            Assert.AreEqual("farm/node7/up", profile.ReportTopic);
            Assert.AreEqual("farm/node7/down", profile.SubscriptionFilters[0]);
            Assert.IsTrue(downlink.IsOk);
            Assert.AreEqual("", downlink.RequestId);
            Assert.AreEqual("farm/node7/ack", profile.ResponseTopic(downlink));
        }

        [TestMethod]
        [DataRow("devices/{device_id}/report", "devices/{device_id}/cmd-{request_id}", "r/{request_id}", "command {request_id} must be one whole topic level, once")]
        [DataRow("devices/{device_id}/report", "devices/+/cmd/{request_id}", "r/{request_id}", "command topic template must not contain '+' or '#'")]
        [DataRow("devices/{device_id}/{request_id}", "c/{request_id}", "r/{request_id}", "report topic cannot use {request_id}")]
        [DataRow("", "c/{request_id}", "r/{request_id}", "report topic template is empty")]
        [DataRow("up", "c/{request_id}", "r/{request_id}/{request_id}", "response {request_id} must be one whole topic level, once")]
        public void TryCreateConnectOptions_BadTemplate_IsRefusedWithReason(string report, string command, string response, string expected)
        {
            GenericMqttSettings settings = Settings();
            settings.ReportTopic = report;
            settings.CommandTopic = command;
            settings.ResponseTopic = response;

            bool ok = new GenericMqttProfile(settings, CloudTestData.Model()).TryCreateConnectOptions(new Fakes.ManualClock(), new MqttConnectOptions(), out string error);

            Assert.IsFalse(ok);
            Assert.AreEqual(expected, error);
        }

        [TestMethod]
        public void TopicTemplate_FormatAndMatch_RoundTrip()
        {
            TopicTemplate template = new TopicTemplate("{request_id}/x/{device_id}", "d1");

            Assert.AreEqual("+/x/d1", template.Filter);
            Assert.AreEqual("abc/x/d1", template.Format("abc"));
            Assert.AreEqual("abc", template.Match("abc/x/d1"));
            Assert.IsNull(template.Match("abc/x/d2"));
            Assert.IsNull(template.Error);
        }
    }
}
