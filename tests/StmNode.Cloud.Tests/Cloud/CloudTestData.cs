using System;
using System.Text;
using StmNode.Cloud;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Cloud
{
    /// <summary>Test helper: the worked-example device of protocols.md §1.8 and byte/string conversions.</summary>
    public static class CloudTestData
    {
        public const string DeviceId = "660f1e2a7bbf9d23a1b2c3d4_esp32node01";
        public const string Secret = "Sens0rS3cret!";
        public const string Prefix = "$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/";

        public static HuaweiIotdaSettings HuaweiSettings()
        {
            HuaweiIotdaSettings settings = new HuaweiIotdaSettings();
            settings.Host = "abc123.st1.iotda-device.cn-north-4.myhuaweicloud.com";
            settings.DeviceId = DeviceId;
            settings.Secret = Secret;
            return settings;
        }

        public static HuaweiIotdaProfile Huawei()
        {
            return new HuaweiIotdaProfile(HuaweiSettings(), DeviceModel.CreateStm32());
        }

        public static ManualClock ClockAt(int year, int month, int day, int hour, int minute, int second)
        {
            ManualClock clock = new ManualClock();
            clock.SetUtc(new DateTime(year, month, day, hour, minute, second));
            return clock;
        }

        public static byte[] Utf8(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        public static string Text(byte[] buffer, int offset, int length)
        {
            return length < 0 ? "<error>" : Encoding.UTF8.GetString(buffer, offset, length);
        }

        public static Downlink Decode(ICloudProfile profile, string topic, string json)
        {
            byte[] payload = Utf8(json);
            return profile.Decode(topic, payload, 0, payload.Length);
        }
    }
}
