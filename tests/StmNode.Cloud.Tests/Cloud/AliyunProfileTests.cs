#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using StmNode.Cloud;
using StmNode.Json;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Cloud
{
    [TestClass]
    public class AliyunProfileTests
    {
        private const string Prefix = "/sys/a1yyeqgpsKm/mqtt_fx/thing/";

        private static AliyunSettings Settings()
        {
            AliyunSettings settings = new AliyunSettings();
            settings.Host = "a1yyeqgpsKm.iot-as-mqtt.cn-shanghai.aliyuncs.com";
            settings.ProductKey = "a1yyeqgpsKm";
            settings.DeviceName = "mqtt_fx";
            settings.DeviceSecret = "3c2aadd7af6447d45fa661cf6adf309f";
            settings.UseTls = true;
            return settings;
        }

        private static AliyunProfile Profile()
        {
            return new AliyunProfile(Settings(), CloudTestData.Model());
        }

        private static ManualClock VectorClock()
        {
            // 1691648594041 ms since 1970
            ManualClock clock = new ManualClock();
            clock.SetUtc(new DateTime(2023, 8, 10, 6, 23, 14, 41));
            return clock;
        }

        [TestMethod]
        public void TryCreateConnectOptions_ProtocolsDocVector_Matches()
        {
            MqttConnectOptions options = new MqttConnectOptions();

            bool ok = Profile().TryCreateConnectOptions(VectorClock(), options, out string error);

            Assert.IsTrue(ok);
            Assert.IsNull(error);
            Assert.AreEqual("a1yyeqgpsKm.mqtt_fx|securemode=2,signmethod=hmacsha256,timestamp=1691648594041|", options.ClientId);
            Assert.AreEqual("mqtt_fx&a1yyeqgpsKm", options.Username);
            Assert.AreEqual("c86c95ef56cceaaa6a8334ef090d6d5c5fa07ca6eac25b0872806188adbad420", options.Password);
            Assert.AreEqual(600, options.KeepAliveSeconds);
            Assert.IsTrue(options.UseTls);
            Assert.AreEqual("a1yyeqgpsKm.iot-as-mqtt.cn-shanghai.aliyuncs.com", options.Host);
        }

        [TestMethod]
        public void SignContent_ProtocolsDocVector_Matches()
        {
            Assert.AreEqual("clientIda1yyeqgpsKm.mqtt_fxdeviceNamemqtt_fxproductKeya1yyeqgpsKmtimestamp1691648594041",
                AliyunCredentials.SignContent("a1yyeqgpsKm", "mqtt_fx", "1691648594041"));
        }

        [TestMethod]
        public void TryCreateConnectOptions_PlainTcp_UsesSecureModeThree()
        {
            AliyunSettings settings = Settings();
            settings.UseTls = false;
            MqttConnectOptions options = new MqttConnectOptions();

            Assert.IsTrue(new AliyunProfile(settings, CloudTestData.Model()).TryCreateConnectOptions(VectorClock(), options, out string error));

            Assert.AreEqual("a1yyeqgpsKm.mqtt_fx|securemode=3,signmethod=hmacsha256,timestamp=1691648594041|", options.ClientId);
        }

        [TestMethod]
        [DataRow("a1/yy", "mqtt_fx", "3c2a", 600, "product key must not contain '/'")]
        [DataRow("a1yyeqgpsKm", "", "3c2a", 600, "device name is empty")]
        [DataRow("a1yyeqgpsKm", "mqtt|fx", "3c2a", 600, "device name must not contain '|'")]
        [DataRow("a1yyeqgpsKm", "mqtt_fx", "", 600, "device secret is empty")]
        [DataRow("a1yyeqgpsKm", "mqtt_fx", "3c2a", 20, "keep-alive must be 30..1200 s")]
        public void TryCreateConnectOptions_BadSettings_AreRefusedWithReason(string productKey, string deviceName, string secret, int keepAlive, string expected)
        {
            AliyunSettings settings = Settings();
            settings.ProductKey = productKey;
            settings.DeviceName = deviceName;
            settings.DeviceSecret = secret;
            settings.KeepAliveSeconds = keepAlive;

            bool ok = new AliyunProfile(settings, CloudTestData.Model()).TryCreateConnectOptions(VectorClock(), new MqttConnectOptions(), out string error);

            Assert.IsFalse(ok);
            Assert.AreEqual(expected, error);
        }

        [TestMethod]
        public void Topics_MatchProtocolsDoc()
        {
            AliyunProfile profile = Profile();

            Assert.AreEqual(Prefix + "event/property/post", profile.ReportTopic);
            Assert.AreEqual(Prefix + "event/property/post_reply", profile.SubscriptionFilters[0]);
            Assert.AreEqual(Prefix + "service/property/set", profile.SubscriptionFilters[1]);
            Assert.AreEqual(Prefix + "service/+", profile.SubscriptionFilters[2]);
            Assert.AreEqual(3, profile.SubscriptionFilters.Length);
            Assert.AreEqual(Prefix + "service/property/set_reply", profile.Topics.PropertySetReply);
            Assert.AreEqual(Prefix + "service/SET_LED_reply", profile.Topics.ServiceReply("SET_LED"));
            Assert.IsNull(profile.TimeSyncTopic);
            Assert.AreEqual(-1, profile.EncodeTimeSyncRequest(1, new byte[100], 0, 100));
        }

        [TestMethod]
        public void Report_TwoMessages_CountIdsAndFlattenServices()
        {
            AliyunProfile profile = Profile();
            IReportEncoder encoder = profile.ReportEncoder;
            byte[] buffer = new byte[400];

            encoder.Begin(buffer, 0, buffer.Length);
            encoder.BeginService("stm32");
            encoder.AddInt("DHT11_T", 18);
            encoder.EndService();
            Assert.IsTrue(encoder.End() > 0);

            encoder.Begin(buffer, 0, buffer.Length);
            encoder.BeginService("stm32");
            encoder.AddDouble("Temperature", 23.5, 1);
            encoder.AddInt("Humidity", 61);
            encoder.EndService();
            encoder.BeginService("diag");
            encoder.AddBool("offline", false);
            encoder.AddString("link", "ec20");
            encoder.EndService();
            int length = encoder.End();

            Assert.AreEqual("{\"id\":\"2\",\"version\":\"1.0\",\"sys\":{\"ack\":1},\"params\":{\"Temperature\":23.5,\"Humidity\":61,\"offline\":false,\"link\":\"ec20\"},"
                + "\"method\":\"thing.event.property.post\"}", CloudTestData.Text(buffer, 0, length));
        }

        [TestMethod]
        public void Report_WithEventTime_WritesValueAndTime()
        {
            AliyunSettings settings = Settings();
            settings.RequestReplies = false;
            IReportEncoder encoder = new AliyunProfile(settings, CloudTestData.Model()).ReportEncoder;
            byte[] buffer = new byte[400];

            encoder.Begin(buffer, 0, buffer.Length);
            encoder.BeginService("stm32", new DateTime(2024, 6, 10, 3, 15, 0, 123));
            encoder.AddDouble("Temperature", 10, 1);
            encoder.AddInt("Humidity", 61);
            encoder.EndService();
            int length = encoder.End();

            Assert.AreEqual("{\"id\":\"1\",\"version\":\"1.0\",\"sys\":{\"ack\":0},\"params\":{\"Temperature\":{\"value\":10.0,\"time\":1717989300123},"
                + "\"Humidity\":{\"value\":61,\"time\":1717989300123}},\"method\":\"thing.event.property.post\"}", CloudTestData.Text(buffer, 0, length));
        }

        [TestMethod]
        public void Report_PropertyOutsideService_ReturnsMinusOne()
        {
            IReportEncoder encoder = Profile().ReportEncoder;
            byte[] buffer = new byte[400];

            encoder.Begin(buffer, 0, buffer.Length);
            encoder.AddInt("DHT11_T", 18);

            Assert.AreEqual(-1, encoder.End());
            Assert.AreEqual((int)JsonWriteError.BadNesting, (int)encoder.Error);
        }

        [TestMethod]
        public void Report_ServiceLeftOpen_ReturnsMinusOne()
        {
            IReportEncoder encoder = Profile().ReportEncoder;
            byte[] buffer = new byte[400];

            encoder.Begin(buffer, 0, buffer.Length);
            encoder.BeginService("stm32");

            Assert.AreEqual(-1, encoder.End());
        }

        [TestMethod]
        public void Report_BufferTooSmall_ReturnsMinusOneWithOverflow()
        {
            IReportEncoder encoder = Profile().ReportEncoder;
            byte[] buffer = new byte[50];

            encoder.Begin(buffer, 0, buffer.Length);
            encoder.BeginService("stm32");
            encoder.AddInt("DHT11_T", 18);
            encoder.EndService();

            Assert.AreEqual(-1, encoder.End());
            Assert.AreEqual((int)JsonWriteError.Overflow, (int)encoder.Error);
        }

        [TestMethod]
        public void Decode_PropertySet_GivesLedsAndAnswersWithId()
        {
            AliyunProfile profile = Profile();
            Downlink downlink = CloudTestData.Decode(profile, Prefix + "service/property/set",
                "{\"id\":\"4711\",\"version\":\"1.0\",\"params\":{\"LED1\":1,\"LED2\":0},\"method\":\"thing.service.property.set\"}");
            byte[] buffer = new byte[100];

            int length = profile.EncodeReply(downlink, new Reply(0, "ok"), buffer, 0, buffer.Length);

            Assert.AreEqual((int)DownlinkKind.PropertySet, (int)downlink.Kind);
            Assert.IsTrue(downlink.IsOk);
            Assert.AreEqual("4711", downlink.RequestId);
            Assert.AreEqual(1L, downlink.GetLong("LED1", -1));
            Assert.AreEqual(0L, downlink.GetLong("LED2", -1));
            Assert.AreEqual(Prefix + "service/property/set_reply", profile.ResponseTopic(downlink));
            Assert.AreEqual("{\"id\":\"4711\",\"code\":200,\"data\":{}}", CloudTestData.Text(buffer, 0, length));
        }

        [TestMethod]
        [DataRow("{\"id\":\"1\",\"params\":{\"LED1\":5}}", 4)]
        [DataRow("{\"id\":\"1\",\"params\":{\"interval\":600}}", 6)]
        [DataRow("{\"id\":\"1\",\"params\":[]}", 3)]
        [DataRow("{\"id\":\"1\"}", 2)]
        [DataRow("{\"params\":{\"LED1\":1}}", 2)]
        [DataRow("{\"id\":true,\"params\":{\"LED1\":1}}", 3)]
        [DataRow("{\"id\":\"1\",\"params\":{\"LED1\":1}", 1)]
        public void Decode_BadPropertySet_GivesTypedError(string json, int error)
        {
            Downlink downlink = CloudTestData.Decode(Profile(), Prefix + "service/property/set", json);

            Assert.AreEqual((int)DownlinkKind.PropertySet, (int)downlink.Kind);
            Assert.AreEqual(error, (int)downlink.Error);
        }

        [TestMethod]
        public void EncodeReply_Failure_UsesParameterErrorCodeAndMessage()
        {
            AliyunProfile profile = Profile();
            Downlink downlink = CloudTestData.Decode(profile, Prefix + "service/property/set", "{\"id\":12,\"params\":{\"LED1\":5}}");
            byte[] buffer = new byte[100];

            int length = profile.EncodeReply(downlink, new Reply(1, downlink.ErrorDetail), buffer, 0, buffer.Length);

            Assert.AreEqual("{\"id\":\"12\",\"code\":460,\"data\":{},\"message\":\"LED1 out of range\"}", CloudTestData.Text(buffer, 0, length));
        }

        [TestMethod]
        [DataRow("{\"code\":200,\"data\":{},\"id\":\"123\",\"message\":\"success\",\"method\":\"thing.event.property.post\",\"version\":\"1.0\"}", 0, "")]
        [DataRow("{\"code\":460,\"data\":{},\"id\":\"123\",\"message\":\"request parameter error\",\"method\":\"thing.event.property.post\",\"version\":\"1.0\"}", 8, "code 460: request parameter error")]
        [DataRow("{\"code\":\"200\",\"id\":\"123\"}", 3, "code is not an integer")]
        public void Decode_PostReply_GivesAcknowledgement(string json, int error, string detail)
        {
            AliyunProfile profile = Profile();

            Downlink downlink = CloudTestData.Decode(profile, Prefix + "event/property/post_reply", json);

            Assert.AreEqual((int)DownlinkKind.ReportReply, (int)downlink.Kind);
            Assert.AreEqual(error, (int)downlink.Error);
            Assert.AreEqual("123", downlink.RequestId);
            Assert.AreEqual(detail, downlink.ErrorDetail == null ? "" : downlink.ErrorDetail);
            Assert.IsNull(profile.ResponseTopic(downlink));
        }

        [TestMethod]
        public void Decode_ServiceCall_GivesCommandAnsweredOnReplyTopic()
        {
            AliyunProfile profile = Profile();
            Downlink downlink = CloudTestData.Decode(profile, Prefix + "service/SET_INTERVAL",
                "{\"id\":\"77\",\"version\":\"1.0\",\"params\":{\"seconds\":300},\"method\":\"thing.service.SET_INTERVAL\"}");
            byte[] buffer = new byte[100];

            int length = profile.EncodeReply(downlink, new Reply(0, "ok"), buffer, 0, buffer.Length);

            Assert.AreEqual((int)DownlinkKind.Command, (int)downlink.Kind);
            Assert.IsTrue(downlink.IsOk);
            Assert.AreEqual("SET_INTERVAL", downlink.CommandName);
            Assert.AreEqual(300L, downlink.GetLong("seconds", 0));
            Assert.AreEqual(Prefix + "service/SET_INTERVAL_reply", profile.ResponseTopic(downlink));
            Assert.AreEqual("{\"id\":\"77\",\"code\":200,\"data\":{}}", CloudTestData.Text(buffer, 0, length));
        }

        [TestMethod]
        public void EncodeReply_ServiceCallWithParameters_PutsThemInData()
        {
            AliyunProfile profile = Profile();
            Downlink downlink = CloudTestData.Decode(profile, Prefix + "service/SET_INTERVAL", "{\"id\":\"77\",\"params\":{\"seconds\":300}}");
            byte[] buffer = new byte[100];

            int length = profile.EncodeReply(downlink, new Reply(0, "success").Add("seconds", 300), buffer, 0, buffer.Length);

            Assert.AreEqual("{\"id\":\"77\",\"code\":200,\"data\":{\"seconds\":300}}", CloudTestData.Text(buffer, 0, length));
        }

        [TestMethod]
        public void Decode_UnknownServiceCall_IsUnknownCommandWithId()
        {
            Downlink downlink = CloudTestData.Decode(Profile(), Prefix + "service/Reboot", "{\"id\":\"78\",\"params\":{}}");

            Assert.AreEqual((int)DownlinkKind.Command, (int)downlink.Kind);
            Assert.AreEqual((int)DownlinkError.UnknownCommand, (int)downlink.Error);
            Assert.AreEqual("78", downlink.RequestId);
        }

        [TestMethod]
        [DataRow("/sys/a1yyeqgpsKm/mqtt_fx/thing/service/SET_LED_reply")]
        [DataRow("/sys/a1yyeqgpsKm/mqtt_fx/thing/service/property/set_reply")]
        [DataRow("/sys/a1yyeqgpsKm/mqtt_fx/thing/service/")]
        [DataRow("/sys/a1yyeqgpsKm/other/thing/service/property/set")]
        [DataRow("$oc/devices/x/sys/messages/down")]
        public void Decode_OwnEchoOrOtherTopic_IsUnknown(string topic)
        {
            Downlink downlink = CloudTestData.Decode(Profile(), topic, "{\"id\":\"1\",\"code\":200,\"data\":{}}");

            Assert.AreEqual((int)DownlinkKind.Unknown, (int)downlink.Kind);
            Assert.IsTrue(downlink.IsOk);
        }

        [TestMethod]
        public void Decode_PassThroughModel_AcceptsAnyServiceCallAndProperty()
        {
            AliyunProfile profile = new AliyunProfile(Settings(), DeviceModel.CreatePassThrough());

            Downlink call = CloudTestData.Decode(profile, Prefix + "service/Reboot", "{\"id\":\"5\",\"params\":{\"delay\":3}}");
            Downlink set = CloudTestData.Decode(profile, Prefix + "service/property/set", "{\"id\":\"6\",\"params\":{\"LED1\":\"ON\"}}");

            Assert.IsTrue(call.IsOk);
            Assert.AreEqual("Reboot", call.CommandName);
            Assert.AreEqual(3L, call.GetLong("delay", 0));
            Assert.IsTrue(set.IsOk);
            Assert.AreEqual("ON", set.GetString("LED1"));
        }
    }
}
