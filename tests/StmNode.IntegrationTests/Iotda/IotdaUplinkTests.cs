using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;
using MQTTnet.Protocol;
using StmNode.Host.Iotda;

namespace StmNode.IntegrationTests.Iotda
{
    [TestClass]
    public class IotdaUplinkTests
    {
        // protocols.md §1.8 step 2, byte for byte.
        private const string WorkedExampleReport =
            "{\"services\":[{\"service_id\":\"Environment\",\"properties\":{\"temperature\":23.5,\"humidity\":61,\"battery\":3.71},\"event_time\":\"20240610T031502Z\"}]}";

        [TestMethod]
        public async Task Report_WorkedExample_StoredAndParsedWithReceiveTime()
        {
            var clock = new FixedClock(new DateTimeOffset(2026, 11, 25, 22, 30, 0, TimeSpan.Zero));
            await using var emulator = await IotdaTestBed.StartAsync(new IotdaEmulatorOptions { Clock = clock });
            await using var device = IotdaTestBed.Device();
            await device.ConnectAsync(emulator.Port);
            IotdaPropertyReport raised = null;
            emulator.ReportReceived += r => raised = r;

            await device.PublishAsync("sys/properties/report", WorkedExampleReport);

            var report = await emulator.WaitForReportAsync(IotdaTestBed.DeviceId, _ => true, IotdaTestBed.Soon);
            Assert.IsNotNull(report);
            Assert.AreSame(report, raised);
            Assert.AreEqual(clock.Now, report.ReceivedAt);
            Assert.AreEqual(1, report.Services.Count);
            Assert.AreEqual("Environment", report.Services[0].ServiceId);
            Assert.AreEqual("20240610T031502Z", report.Services[0].EventTime);
            var properties = report.PropertiesOf("Environment");
            Assert.AreEqual(23.5, properties["temperature"].GetValue<double>());
            Assert.AreEqual(61, properties["humidity"].GetValue<int>());
            Assert.AreEqual(3.71, properties["battery"].GetValue<double>());
            Assert.IsNull(report.PropertiesOf("Other"));
            Assert.AreSame(report, emulator.GetLastReport(IotdaTestBed.DeviceId));
            Assert.AreEqual(1L, emulator.GetDevice(IotdaTestBed.DeviceId).Reports);
            Assert.AreEqual(1L, emulator.GetCounters().Reports);
        }

        [TestMethod]
        public async Task Report_SeveralServicesAndRequestIdSuffix_AllStored()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();
            await device.ConnectAsync(emulator.Port);

            await device.PublishAsync("sys/properties/report?request_id=7",
                "{\"services\":[{\"service_id\":\"A\",\"properties\":{\"x\":1}},{\"service_id\":\"B\",\"properties\":{\"on\":true}}]}",
                MqttQualityOfServiceLevel.AtMostOnce);

            var report = await emulator.WaitForReportAsync(IotdaTestBed.DeviceId, _ => true, IotdaTestBed.Soon);
            Assert.IsNotNull(report);
            Assert.AreEqual(2, report.Services.Count);
            Assert.IsTrue(report.PropertiesOf("B")["on"].GetValue<bool>());
            Assert.IsNull(report.Services[0].EventTime);
        }

        [TestMethod]
        [DataRow("not json")]
        [DataRow("[1,2]")]
        [DataRow("{}")]
        [DataRow("{\"services\":{}}")]
        [DataRow("{\"services\":[1]}")]
        [DataRow("{\"services\":[{\"properties\":{\"x\":1}}]}")]
        [DataRow("{\"services\":[{\"service_id\":\"A\"}]}")]
        [DataRow("{\"services\":[{\"service_id\":\"A\",\"properties\":[1]}]}")]
        public async Task Report_Malformed_RecordedAsProblemNotStored(string body)
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();
            await device.ConnectAsync(emulator.Port);

            await device.PublishAsync("sys/properties/report", body);

            var problem = await emulator.WaitForProblemAsync(p => p.Kind == IotdaProblemKind.MalformedBody, IotdaTestBed.Soon);
            Assert.IsNotNull(problem);
            Assert.AreEqual(IotdaTestBed.DeviceId, problem.DeviceId);
            Assert.AreEqual(0, emulator.GetReports(IotdaTestBed.DeviceId).Count);
            Assert.IsTrue(device.IsConnected);
        }

        [TestMethod]
        [DataRow("sys/messages/up")]
        [DataRow("sys/messages/up?request_id=42")]
        [DataRow("user/alarm")]
        public async Task MessageUp_Published_StoredWithTopicAndPayload(string topic)
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();
            await device.ConnectAsync(emulator.Port);

            await device.PublishAsync(topic, "flame!");

            var message = await emulator.WaitForMessageAsync(IotdaTestBed.DeviceId, _ => true, IotdaTestBed.Soon);
            Assert.IsNotNull(message);
            Assert.AreEqual("flame!", message.Text);
            Assert.AreEqual(device.Prefix + topic, message.Topic);
            Assert.AreEqual(1L, emulator.GetCounters().MessagesUp);
        }

        [TestMethod]
        public async Task WaitForReport_NothingArrives_NullAfterTimeout()
        {
            await using var emulator = await IotdaTestBed.StartAsync();

            var report = await emulator.WaitForReportAsync(IotdaTestBed.DeviceId, _ => true, TimeSpan.FromMilliseconds(50));

            Assert.IsNull(report);
        }

        [TestMethod]
        public async Task TimeSync_Request_AnsweredOnEventsDownWithPlatformTimes()
        {
            var clock = new FixedClock(new DateTimeOffset(2026, 11, 25, 22, 30, 0, 123, TimeSpan.Zero));
            await using var emulator = await IotdaTestBed.StartAsync(new IotdaEmulatorOptions { Clock = clock });
            await using var device = await IotdaTestBed.ConnectedDeviceAsync(emulator);

            await device.PublishAsync("sys/events/up",
                "{\"object_device_id\":\"" + IotdaTestBed.DeviceId + "\",\"services\":[{\"service_id\":\"$time_sync\"," +
                "\"event_type\":\"time_sync_request\",\"event_time\":\"20240610T031500Z\",\"paras\":{\"device_send_time\":1717989300123}}]}");

            var answer = await device.WaitForMessageAsync("sys/events/down", IotdaTestBed.Soon);
            Assert.IsNotNull(answer);
            var body = JsonNode.Parse(answer.ConvertPayloadToString()).AsObject();
            Assert.AreEqual(IotdaTestBed.DeviceId, body["object_device_id"].GetValue<string>());
            var service = body["services"][0].AsObject();
            Assert.AreEqual("$time_sync", service["service_id"].GetValue<string>());
            Assert.AreEqual("time_sync_response", service["event_type"].GetValue<string>());
            Assert.AreEqual("20261125T223000Z", service["event_time"].GetValue<string>());
            var paras = service["paras"].AsObject();
            Assert.AreEqual(1717989300123L, paras["device_send_time"].GetValue<long>());
            Assert.AreEqual(clock.Now.ToUnixTimeMilliseconds(), paras["server_recv_time"].GetValue<long>());
            Assert.AreEqual(clock.Now.ToUnixTimeMilliseconds(), paras["server_send_time"].GetValue<long>());
            Assert.AreEqual(1L, emulator.GetCounters().TimeSyncAnswers);
            var ev = emulator.GetEventsUp(IotdaTestBed.DeviceId)[0];
            Assert.AreEqual("time_sync_request", ev.EventType);
        }

        [TestMethod]
        public async Task TimeSync_RequestWithoutSendTime_NotAnsweredProblemRecorded()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = await IotdaTestBed.ConnectedDeviceAsync(emulator);

            await device.PublishAsync("sys/events/up",
                "{\"services\":[{\"service_id\":\"$time_sync\",\"event_type\":\"time_sync_request\",\"paras\":{\"device_send_time\":\"soon\"}}]}");

            Assert.IsNotNull(await emulator.WaitForProblemAsync(p => p.Kind == IotdaProblemKind.MalformedBody, IotdaTestBed.Soon));
            Assert.AreEqual(0L, emulator.GetCounters().TimeSyncAnswers);
            Assert.IsNull(await device.WaitForMessageAsync("sys/events/down", TimeSpan.FromMilliseconds(100)));
        }

        [TestMethod]
        public async Task EventUp_OtherSystemEvent_StoredNotAnswered()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = await IotdaTestBed.ConnectedDeviceAsync(emulator);

            await device.PublishAsync("sys/events/up",
                "{\"services\":[{\"service_id\":\"$sdk_info\",\"event_type\":\"sdk_info_report\",\"paras\":{\"sdk_version\":\"1\"}}]}");

            var ev = await emulator.WaitForEventAsync(IotdaTestBed.DeviceId, e => e.ServiceId == "$sdk_info", IotdaTestBed.Soon);
            Assert.IsNotNull(ev);
            Assert.AreEqual("1", ev.Paras["sdk_version"].GetValue<string>());
            Assert.AreEqual(0L, emulator.GetCounters().TimeSyncAnswers);
        }
    }
}
