using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Cloud;
using StmNode.Node;

namespace StmNode.Tests.Cloud
{
    /// <summary>Host-only: every truncation and thousands of random corruptions of real downlinks decode without throwing.</summary>
    [TestClass]
    public class DownlinkRobustnessTests
    {
        private const string Prefix = "$oc/devices/node1/sys/";

        private static readonly string[][] Samples =
        {
            new[] { Prefix + "messages/down", "{\"LED1\":1,\"LED3\":0}" },
            new[] { Prefix + "commands/request_id=abc", "{\"service_id\":\"stm32\",\"command_name\":\"SET_INTERVAL\",\"paras\":{\"seconds\":600}}" },
            new[] { Prefix + "properties/set/request_id=s", "{\"object_device_id\":\"node1\",\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"LED2\":1,\"report_period\":60}}]}" },
            new[] { Prefix + "properties/get/request_id=g", "{\"object_device_id\":\"node1\",\"service_id\":\"stm32\"}" },
            new[] { Prefix + "events/down", "{\"services\":[{\"service_id\":\"$time_sync\",\"event_type\":\"time_sync_response\",\"paras\":{\"device_send_time\":1,\"server_recv_time\":2,\"server_send_time\":3}}]}" },
            new[] { "/sys/pk/dn/thing/service/property/set", "{\"id\":\"1\",\"version\":\"1.0\",\"params\":{\"LED1\":1},\"method\":\"thing.service.property.set\"}" },
            new[] { "/sys/pk/dn/thing/event/property/post_reply", "{\"code\":200,\"data\":{},\"id\":\"1\",\"message\":\"success\"}" },
            new[] { "/sys/pk/dn/thing/service/SET_LED", "{\"id\":\"2\",\"params\":{\"led\":1,\"state\":1}}" },
            new[] { "devices/node1/commands/7", "{\"command_name\":\"SET_LED\",\"paras\":{\"LED1\":1}}" },
        };

        private static ICloudProfile[] Profiles()
        {
            var huawei = new HuaweiIotdaSettings { Host = "h", DeviceId = "node1", Secret = "s" };
            var aliyun = new AliyunSettings { Host = "h", ProductKey = "pk", DeviceName = "dn", DeviceSecret = "s" };
            var generic = new GenericMqttSettings { Host = "h", DeviceId = "node1" };
            return new ICloudProfile[]
            {
                new HuaweiIotdaProfile(huawei, Stm32Service.CreateDeviceModel()),
                new HuaweiIotdaProfile(huawei, DeviceModel.CreatePassThrough()),
                new AliyunProfile(aliyun, Stm32Service.CreateDeviceModel()),
                new AliyunProfile(aliyun, DeviceModel.CreatePassThrough()),
                new GenericMqttProfile(generic, Stm32Service.CreateDeviceModel()),
            };
        }

        [TestMethod]
        public void Decode_EveryTruncation_NeverThrows()
        {
            foreach (var profile in Profiles())
            {
                foreach (var sample in Samples)
                {
                    byte[] payload = Encoding.UTF8.GetBytes(sample[1]);
                    for (int length = 0; length < payload.Length; length++)
                    {
                        Downlink downlink = profile.Decode(sample[0], payload, 0, length);

                        // A truncated body is never valid JSON: either the topic is not the profile's or it is malformed.
                        Assert.IsTrue(downlink.Kind == DownlinkKind.Unknown || downlink.Error == DownlinkError.MalformedJson,
                            profile.Name + " took " + length + " bytes of " + sample[1]);
                    }
                }
            }
        }

        [TestMethod]
        public void Decode_RandomCorruptions_NeverThrow()
        {
            var random = new Random(2026);
            foreach (var profile in Profiles())
            {
                foreach (var sample in Samples)
                {
                    byte[] original = Encoding.UTF8.GetBytes(sample[1]);
                    for (int round = 0; round < 400; round++)
                    {
                        byte[] payload = (byte[])original.Clone();
                        int changes = random.Next(1, 4);
                        for (int i = 0; i < changes; i++)
                        {
                            payload[random.Next(payload.Length)] = (byte)random.Next(256);
                        }

                        Downlink downlink = profile.Decode(sample[0], payload, 0, payload.Length);

                        Assert.IsNotNull(downlink);
                        Assert.IsNotNull(downlink.Parameters);
                        profile.ResponseTopic(downlink);
                        profile.EncodeReply(downlink, new Reply(downlink.IsOk ? 0 : 1, downlink.ErrorDetail), new byte[256], 0, 256);
                    }
                }
            }
        }
    }
}
