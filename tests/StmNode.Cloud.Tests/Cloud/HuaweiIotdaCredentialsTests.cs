#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using StmNode.Cloud;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Cloud
{
    [TestClass]
    public class HuaweiIotdaCredentialsTests
    {
        [TestMethod]
        public void TryCreateConnectOptions_WorkedExample_MatchesProtocolsDoc()
        {
            HuaweiIotdaProfile profile = CloudTestData.Huawei();
            MqttConnectOptions options = new MqttConnectOptions();

            bool ok = profile.TryCreateConnectOptions(CloudTestData.ClockAt(2024, 6, 10, 3, 15, 0), options, out string error);

            Assert.IsTrue(ok);
            Assert.IsNull(error);
            Assert.AreEqual("660f1e2a7bbf9d23a1b2c3d4_esp32node01_0_0_2024061003", options.ClientId);
            Assert.AreEqual(51, options.ClientId.Length);
            Assert.AreEqual("660f1e2a7bbf9d23a1b2c3d4_esp32node01", options.Username);
            Assert.AreEqual("1a67f20631525e06d136d75928719a0dfccba98a6b2c8a8682f377af1ce87f63", options.Password);
            Assert.AreEqual(120, options.KeepAliveSeconds);
            Assert.IsTrue(options.CleanSession);
            Assert.AreEqual("abc123.st1.iotda-device.cn-north-4.myhuaweicloud.com", options.Host);
            Assert.AreEqual(1883, options.Port);
            Assert.IsFalse(options.UseTls);
        }

        [TestMethod]
        public void Password_WorkedExample_UsesTimestampAsKey()
        {
            Assert.AreEqual("1a67f20631525e06d136d75928719a0dfccba98a6b2c8a8682f377af1ce87f63",
                HuaweiIotdaCredentials.Password("Sens0rS3cret!", "2024061003"));
        }

        [TestMethod]
        public void FormatTimestamp_DocExample_IsHourResolution()
        {
            Assert.AreEqual("2018072417", HuaweiIotdaCredentials.FormatTimestamp(new DateTime(2018, 7, 24, 17, 56, 20)));
            Assert.AreEqual("2026010100", HuaweiIotdaCredentials.FormatTimestamp(new DateTime(2026, 1, 1, 0, 59, 59)));
        }

        [TestMethod]
        public void TryCreateConnectOptions_SignTypeOneWithSetClock_PutsOneInClientId()
        {
            HuaweiIotdaSettings settings = CloudTestData.HuaweiSettings();
            settings.SignType = 1;
            settings.UseTls = true;
            settings.Port = 8883;
            HuaweiIotdaProfile profile = new HuaweiIotdaProfile(settings, CloudTestData.Model());
            MqttConnectOptions options = new MqttConnectOptions();

            Assert.IsTrue(profile.TryCreateConnectOptions(CloudTestData.ClockAt(2024, 6, 10, 3, 15, 0), options, out string error));

            Assert.AreEqual("660f1e2a7bbf9d23a1b2c3d4_esp32node01_0_1_2024061003", options.ClientId);
            Assert.IsTrue(options.UseTls);
            Assert.AreEqual(8883, options.Port);
        }

        [TestMethod]
        public void TryCreateConnectOptions_SignTypeOneWithoutClock_IsRefused()
        {
            HuaweiIotdaSettings settings = CloudTestData.HuaweiSettings();
            settings.SignType = 1;
            HuaweiIotdaProfile profile = new HuaweiIotdaProfile(settings, CloudTestData.Model());

            bool ok = profile.TryCreateConnectOptions(new ManualClock(), new MqttConnectOptions(), out string error);

            Assert.IsFalse(ok);
            Assert.IsTrue(error.IndexOf("clock") >= 0);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("node/1")]
        [DataRow("node+1")]
        [DataRow("node#1")]
        [DataRow("$node")]
        [DataRow("node 1")]
        [DataRow("node\t1")]
        public void ValidateDeviceId_Invalid_GivesReason(string deviceId)
        {
            Assert.IsNotNull(HuaweiIotdaCredentials.ValidateDeviceId(deviceId));
        }

        [TestMethod]
        public void ValidateDeviceId_Slash_NamesTheCharacter()
        {
            Assert.AreEqual("device id must not contain '/' (MQTT topic character)", HuaweiIotdaCredentials.ValidateDeviceId("a/b"));
            Assert.AreEqual("device id is empty", HuaweiIotdaCredentials.ValidateDeviceId(null));
        }

        [TestMethod]
        public void ValidateDeviceId_LongerThan128_GivesReason()
        {
            Assert.IsNull(HuaweiIotdaCredentials.ValidateDeviceId(new string('a', 128)));
            Assert.IsNotNull(HuaweiIotdaCredentials.ValidateDeviceId(new string('a', 129)));
        }

        [TestMethod]
        [DataRow("660f1e2a7bbf9d23a1b2c3d4_esp32node01")]
        [DataRow("abc-DEF_1")]
        public void ValidateDeviceId_Valid_IsNull(string deviceId)
        {
            Assert.IsNull(HuaweiIotdaCredentials.ValidateDeviceId(deviceId));
        }

        [TestMethod]
        public void TryCreateConnectOptions_BadDeviceId_IsRefusedWithReason()
        {
            HuaweiIotdaSettings settings = CloudTestData.HuaweiSettings();
            settings.DeviceId = "prod/node";
            HuaweiIotdaProfile profile = new HuaweiIotdaProfile(settings, CloudTestData.Model());
            MqttConnectOptions options = new MqttConnectOptions();

            bool ok = profile.TryCreateConnectOptions(CloudTestData.ClockAt(2024, 6, 10, 3, 15, 0), options, out string error);

            Assert.IsFalse(ok);
            Assert.AreEqual("device id must not contain '/' (MQTT topic character)", error);
            Assert.IsNull(options.ClientId);
        }

        [TestMethod]
        [DataRow(29, "", 0)]
        [DataRow(1201, "", 0)]
        [DataRow(120, "", 2)]
        [DataRow(120, "-", 0)]
        public void TryCreateConnectOptions_BadSettings_AreRefusedWithoutSecretInReason(int keepAlive, string secretOrDash, int signType)
        {
            HuaweiIotdaSettings settings = CloudTestData.HuaweiSettings();
            settings.KeepAliveSeconds = keepAlive;
            settings.SignType = signType;
            if (secretOrDash == "-")
            {
                settings.Secret = "";
            }

            HuaweiIotdaProfile profile = new HuaweiIotdaProfile(settings, CloudTestData.Model());

            bool ok = profile.TryCreateConnectOptions(CloudTestData.ClockAt(2024, 6, 10, 3, 15, 0), new MqttConnectOptions(), out string error);

            Assert.IsFalse(ok);
            Assert.IsNotNull(error);
            Assert.IsTrue(error.IndexOf(CloudTestData.Secret) < 0);
        }
    }
}
