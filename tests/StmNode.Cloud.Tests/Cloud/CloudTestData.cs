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

        /// <summary>
        /// A device model shaped like the node's (whose own comes from its product-model table): LED1..LED3 (0/1)
        /// writable; SET_LED with LED1..LED3 or led (1..3) + state (0/1); SET_INTERVAL with seconds (10..86400); REPORT_NOW.
        /// </summary>
        public static DeviceModel Model()
        {
            ParameterSpec[] leds = new ParameterSpec[]
            {
                ParameterSpec.Int("LED1", 0, 1, false), ParameterSpec.Int("LED2", 0, 1, false), ParameterSpec.Int("LED3", 0, 1, false)
            };
            ParameterSpec[] setLed = new ParameterSpec[]
            {
                leds[0], leds[1], leds[2], ParameterSpec.Int("led", 1, 3, false), ParameterSpec.Int("state", 0, 1, false)
            };
            CommandSpec[] commands = new CommandSpec[]
            {
                new CommandSpec("SET_LED", "SET_LED_RSP", setLed),
                new CommandSpec("SET_INTERVAL", "SET_INTERVAL_RSP", new ParameterSpec[] { ParameterSpec.Int("seconds", 10, 86400, true) }),
                new CommandSpec("REPORT_NOW", "REPORT_NOW_RSP", new ParameterSpec[0])
            };
            return new DeviceModel("stm32", commands, leds);
        }

        public static HuaweiIotdaProfile Huawei()
        {
            return new HuaweiIotdaProfile(HuaweiSettings(), Model());
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
