using System;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;
using StmNode.Cloud;
using StmNode.Node;
using StmNode.Host.Adapters;
using StmNode.Host.Iotda;
using StmNode.IntegrationTests.Iotda;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Cloud
{
    /// <summary>
    /// Core's Huawei IoTDA profile against the IoTDA emulator (real auth and topic checks), with MQTTnet carrying the
    /// bytes: every credential, topic and body here is made or read by the profile.
    /// </summary>
    [TestClass]
    public class HuaweiProfileEmulatorTests
    {
        private static HuaweiIotdaProfile Profile(IotdaEmulator emulator)
        {
            var settings = new HuaweiIotdaSettings
            {
                Host = emulator.Host,
                Port = emulator.Port,
                DeviceId = IotdaTestBed.DeviceId,
                Secret = IotdaTestBed.Secret,
            };
            return new HuaweiIotdaProfile(settings, Stm32Service.CreateDeviceModel());
        }

        // Connects with the profile's credentials, subscribes its filters, and answers requests through the profile.
        private static async Task<IotdaTestDevice> ConnectAsync(IotdaEmulator emulator, HuaweiIotdaProfile profile)
        {
            var options = new MqttConnectOptions();
            Assert.IsTrue(profile.TryCreateConnectOptions(new SystemClock(), options, out var error), error);
            var device = IotdaTestBed.Device();
            var result = await device.ConnectAsync(emulator.Port, options.KeepAliveSeconds, clientId: options.ClientId,
                userName: options.Username, password: options.Password);
            Assert.AreEqual(MqttClientConnectResultCode.Success, result);
            foreach (var filter in profile.SubscriptionFilters)
            {
                Assert.AreEqual(MqttClientSubscribeResultCode.GrantedQoS1, await device.SubscribeAsync(filter));
            }

            device.Responder = (topic, payload) => Answer(profile, topic, payload);
            return device;
        }

        private static (string Topic, string Payload)? Answer(HuaweiIotdaProfile profile, string topic, string payload)
        {
            var bytes = Encoding.UTF8.GetBytes(payload);
            var request = profile.Decode(topic, bytes, 0, bytes.Length);
            if (!request.NeedsResponse)
            {
                return null;
            }

            var buffer = new byte[1024];
            int length;
            if (request.Kind == DownlinkKind.PropertyGet)
            {
                var encoder = profile.ReportEncoder;
                encoder.Begin(buffer, 0, buffer.Length);
                encoder.BeginService(Stm32Service.Id);
                encoder.AddInt("LED1", 1);
                encoder.EndService();
                length = encoder.End();
            }
            else
            {
                length = profile.EncodeReply(request, new Reply(request.IsOk ? 0 : 1, request.IsOk ? "ok" : request.ErrorDetail), buffer, 0, buffer.Length);
            }

            return (profile.ResponseTopic(request), Encoding.UTF8.GetString(buffer, 0, length));
        }

        [TestMethod]
        public async Task Report_EncodedByProfile_IsAcceptedAndParsedByPlatform()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            var profile = Profile(emulator);
            await using var device = await ConnectAsync(emulator, profile);
            var buffer = new byte[1024];
            var encoder = profile.ReportEncoder;

            encoder.Begin(buffer, 0, buffer.Length);
            encoder.BeginService("stm32", new DateTime(2026, 11, 25, 9, 5, 7, DateTimeKind.Utc));
            encoder.AddDouble("DHT11_T", 18.5, 1);
            encoder.AddInt("DHT11_H", 80);
            encoder.AddInt("LED1", 0);
            encoder.EndService();
            encoder.BeginService("diag");
            encoder.AddString("link", "wifi");
            encoder.EndService();
            var length = encoder.End();
            await device.PublishAsync(profile.ReportTopic, Encoding.UTF8.GetString(buffer, 0, length));

            var report = await emulator.WaitForReportAsync(IotdaTestBed.DeviceId, _ => true, IotdaTestBed.Soon);
            Assert.IsNotNull(report);
            Assert.AreEqual(2, report.Services.Count);
            Assert.AreEqual("20261125T090507Z", report.Services[0].EventTime);
            Assert.AreEqual(18.5, report.PropertiesOf("stm32")["DHT11_T"].GetValue<double>());
            Assert.AreEqual(80, report.PropertiesOf("stm32")["DHT11_H"].GetValue<int>());
            Assert.AreEqual("wifi", report.PropertiesOf("diag")["link"].GetValue<string>());
            Assert.AreEqual(0, emulator.GetProblems().Count);
        }

        [TestMethod]
        public async Task Command_DecodedAndAnsweredByProfile_ReachesTheApplication()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            var profile = Profile(emulator);
            await using var device = await ConnectAsync(emulator, profile);

            var good = await emulator.SendCommandAsync(IotdaTestBed.DeviceId, "stm32", "SET_INTERVAL", new JsonObject { ["seconds"] = 600 });
            var unknown = await emulator.SendCommandAsync(IotdaTestBed.DeviceId, "stm32", "SELF_DESTRUCT", null);

            Assert.IsTrue(good.IsSuccess);
            Assert.AreEqual("SET_INTERVAL_RSP", good.Body["response_name"].GetValue<string>());
            Assert.AreEqual("ok", good.Body["paras"]["result"].GetValue<string>());
            Assert.AreEqual(IotdaRequestOutcome.Answered, unknown.Outcome);
            Assert.AreEqual(1, unknown.ResultCode);
            Assert.AreEqual("command SELF_DESTRUCT is not known", unknown.Body["paras"]["result"].GetValue<string>());
        }

        [TestMethod]
        public async Task PropertySetAndGet_AnsweredByProfile_Succeed()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            var profile = Profile(emulator);
            await using var device = await ConnectAsync(emulator, profile);

            var set = await emulator.SetPropertiesAsync(IotdaTestBed.DeviceId, "stm32", new JsonObject { ["LED2"] = 1 });
            var badSet = await emulator.SetPropertiesAsync(IotdaTestBed.DeviceId, "stm32", new JsonObject { ["LED2"] = 7 });
            var get = await emulator.GetPropertiesAsync(IotdaTestBed.DeviceId, "stm32");

            Assert.IsTrue(set.IsSuccess);
            Assert.AreEqual(1, badSet.ResultCode);
            Assert.AreEqual("LED2 out of range", badSet.Body["result_desc"].GetValue<string>());
            Assert.AreEqual(IotdaRequestOutcome.Answered, get.Outcome);
            Assert.AreEqual(1, get.Body["services"][0]["properties"]["LED1"].GetValue<int>());
        }

        [TestMethod]
        public async Task TimeSync_RequestFromProfile_IsAnsweredAndDecoded()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            var profile = Profile(emulator);
            await using var device = await ConnectAsync(emulator, profile);
            var buffer = new byte[512];
            var sentMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

            var length = profile.EncodeTimeSyncRequest(sentMs, buffer, 0, buffer.Length);
            await device.PublishAsync(profile.TimeSyncTopic, Encoding.UTF8.GetString(buffer, 0, length));

            var answer = await device.WaitForMessageAsync("sys/events/down", IotdaTestBed.Soon);
            Assert.IsNotNull(answer);
            var bytes = Encoding.UTF8.GetBytes(answer.ConvertPayloadToString());
            // A profile is not thread-safe (it reuses its reader): the device's responder thread decodes with the other one.
            var downlink = Profile(emulator).Decode(answer.Topic, bytes, 0, bytes.Length);
            Assert.AreEqual(DownlinkKind.TimeSync, downlink.Kind);
            Assert.IsTrue(downlink.IsOk, downlink.ErrorDetail);
            Assert.AreEqual(sentMs, downlink.DeviceSendTimeMs);
            Assert.IsNull(downlink.ReadServerTime(sentMs, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), out long serverNow));
            Assert.IsTrue(Math.Abs(serverNow - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) < 5000);
        }
    }
}
