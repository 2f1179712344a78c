#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using StmNode.Config;
using StmNode.Ports;

namespace StmNode.Tests.Config
{
    [TestClass]
    public class NodeConfigParserTests
    {
        private const string Minimal = "{\"device_id\":\"p_node01\",\"device_secret\":\"s\",\"cloud_host\":\"h.example\",\"wifi_ssid\":\"lab\"";

        [TestMethod]
        public void Load_FullDocument_SetsEveryKind()
        {
            NodeConfig config = new NodeConfig();

            ConfigError error = Load(Minimal + ",\"cloud_port\":1883,\"cloud_tls\":false,\"transport_order\":[\"ec20\",\"wifi\"],"
                + "\"apn\":\"cmnet\",\"pins\":{\"led1\":2,\"light\":-1},\"report_period_s\":30,\"flame_active_high\":true,"
                + "\"log_level\":\"debug\"}", config);

            Assert.IsNull(error);
            Assert.AreEqual("p_node01", config.DeviceId);
            Assert.AreEqual(1883, config.CloudPort);
            Assert.IsFalse(config.CloudTls);
            Assert.AreEqual(2, config.TransportOrder.Length);
            Assert.AreEqual("ec20", config.TransportOrder[0]);
            Assert.AreEqual(2, config.Pins.Led1);
            Assert.AreEqual(-1, config.Pins.Light);
            Assert.AreEqual(26, config.Pins.Led2);
            Assert.AreEqual(30, config.ReportPeriodSeconds);
            Assert.IsTrue(config.FlameActiveHigh);
            Assert.AreEqual((int)LogLevel.Debug, (int)config.LogLevel);
            Assert.AreEqual(300, config.DiagPeriodSeconds);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(900)]
        public void Load_FailbackCheck_ZeroOrPeriodAccepted(int seconds)
        {
            NodeConfig config = new NodeConfig();

            ConfigError error = Load(Minimal + ",\"failback_check_s\":" + seconds.ToString() + "}", config);

            Assert.IsNull(error);
            Assert.AreEqual(seconds, config.FailbackCheckSeconds);
        }

        [TestMethod]
        [DataRow(",\"report_period\":30}", "report_period", "unknown setting")]
        [DataRow(",\"report_period_s\":\"30\"}", "report_period_s", "must be a whole number")]
        [DataRow(",\"report_period_s\":30.5}", "report_period_s", "must be a whole number")]
        [DataRow(",\"report_period_s\":2}", "report_period_s", "must be between")]
        [DataRow(",\"cloud_tls\":1}", "cloud_tls", "must be true or false")]
        [DataRow(",\"pins\":{\"led9\":4}}", "pins.led9", "unknown signal")]
        [DataRow(",\"pins\":[1,2]}", "pins", "must be an object")]
        [DataRow(",\"transport_order\":\"wifi\"}", "transport_order", "must be an array")]
        [DataRow(",\"transport_order\":[\"wifi\",3]}", "transport_order", "must be an array")]
        [DataRow(",\"log_level\":\"loud\"}", "log_level", "must be one of")]
        [DataRow(",\"device_id\":7}", "device_id", "must be a string")]
        [DataRow(",\"cloud_port\":99999999999}", "cloud_port", "must be a whole number")]
        [DataRow(",\"failback_check_s\":10}", "failback_check_s", "must be between")]
        [DataRow(",\"failback_check_s\":true}", "failback_check_s", "must be a whole number")]
        public void Load_BadField_NamesIt(string tail, string field, string reason)
        {
            ConfigError error = Load(Minimal + tail, new NodeConfig());

            Assert.IsNotNull(error);
            Assert.AreEqual(field, error.Field);
            Assert.IsTrue(error.Reason.IndexOf(reason) >= 0, error.ToString());
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("{\"device_id\":")]
        [DataRow("[1,2]")]
        [DataRow("{} trailing")]
        [DataRow("\u00ff\u00fe")]
        public void Load_NotAJsonObject_JsonError(string text)
        {
            ConfigError error = Load(text, new NodeConfig());

            Assert.IsNotNull(error);
            Assert.AreEqual("json", error.Field);
        }

        [TestMethod]
        public void Load_MissingCredentials_ValidationNamesField()
        {
            ConfigError error = Load("{\"cloud_host\":\"h\"}", new NodeConfig());

            Assert.IsNotNull(error);
            Assert.AreEqual("device_id", error.Field);
        }

        private static ConfigError Load(string json, NodeConfig config)
        {
            byte[] data = Encoding.UTF8.GetBytes(json);
            return NodeConfigParser.Load(data, 0, data.Length, config);
        }
    }
}
