using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Cli;

namespace StmNode.IntegrationTests.Host
{
    [TestClass]
    public class HostConfigFileTests
    {
        [TestMethod]
        public void TryLoad_AllKinds_SetsOptions()
        {
            string path = Write("{\"cloud\":\"huawei\",\"host\":\"iot.example\",\"port\":8883,\"tls\":true,\"device_id\":\"p_n1\",\"secret\":\"s3\",\"link\":\"ec20\",\"baud\":9600,\"report_period\":30}");
            var options = new HostOptions();
            Assert.IsTrue(HostConfigFile.TryLoad(path, true, options, out string error), error);
            Assert.AreEqual("huawei", options.Cloud);
            Assert.AreEqual("iot.example", options.Host);
            Assert.AreEqual(8883, options.Port);
            Assert.AreEqual(true, options.Tls);
            Assert.AreEqual("p_n1", options.DeviceId);
            Assert.AreEqual("s3", options.Secret);
            Assert.AreEqual("ec20", options.Link);
            Assert.AreEqual(9600, options.Baud);
            Assert.AreEqual(30, options.ReportPeriodSeconds);
        }

        [TestMethod]
        [DataRow("{\"secret\": \"TopS3cret\", \"colour\": \"red\"}", "unknown setting")]
        [DataRow("{\"secret\": \"TopS3cret\", \"port\": 70000}", "from 1 to 65535")]
        [DataRow("{\"secret\": \"TopS3cret\", \"tls\": \"maybe\"}", "true or false")]
        [DataRow("{\"secret\": \"TopS3cret\", \"host\": [1]}", "string, number or boolean")]
        [DataRow("{\"secret\": \"TopS3cret\"", "not valid JSON")]
        [DataRow("[\"TopS3cret\"]", "JSON object")]
        public void TryLoad_BadFile_ClearErrorThatNeverQuotesValues(string json, string expected)
        {
            string path = Write(json);
            Assert.IsFalse(HostConfigFile.TryLoad(path, true, new HostOptions(), out string error));
            StringAssert.Contains(error, expected);
            Assert.IsFalse(error.Contains("TopS3cret"), error);
        }

        [TestMethod]
        public void TryLoad_DefaultFileMissing_IsFine()
        {
            Assert.IsTrue(HostConfigFile.TryLoad(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json"), false, new HostOptions(), out string error), error);
        }

        [TestMethod]
        public void TryApplyEnvironment_SetVariables_OverrideFileValues()
        {
            var options = new HostOptions { Secret = "from-file", DeviceId = "file_id" };
            var environment = new Dictionary<string, string> { ["STMNODE_SECRET"] = "from-env", ["STMNODE_PORT"] = "1" };
            Assert.IsTrue(HostConfigFile.TryApplyEnvironment(options, name => environment.GetValueOrDefault(name), out string error), error);
            Assert.AreEqual("from-env", options.Secret);
            Assert.AreEqual("file_id", options.DeviceId);
        }

        [TestMethod]
        [DataRow("30", 30000)]
        [DataRow("45s", 45000)]
        [DataRow("500ms", 500)]
        [DataRow("2m", 120000)]
        [DataRow("1h", 3600000)]
        [DataRow("1.5s", 1500)]
        public void DurationText_Forms_Parse(string text, int expectedMs)
        {
            Assert.IsTrue(DurationText.TryParse(text, out TimeSpan value));
            Assert.AreEqual(expectedMs, (int)value.TotalMilliseconds);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("soon")]
        [DataRow("-5s")]
        [DataRow("0")]
        [DataRow("99999999h")]
        public void DurationText_Bad_Refused(string text)
        {
            Assert.IsFalse(DurationText.TryParse(text, out _));
        }

        private static string Write(string json)
        {
            string path = Path.Combine(Path.GetTempPath(), "stmnode-test-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, json);
            return path;
        }
    }
}
