using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;
using StmNode.Host.Iotda;

namespace StmNode.IntegrationTests.Iotda
{
    [TestClass]
    public class IotdaRequestTests
    {
        private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(200);

        [TestMethod]
        public async Task Command_DeviceResponds_ResponseReturnedToCaller()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = await IotdaTestBed.ConnectedDeviceAsync(emulator);
            string requestBody = null;
            device.Responder = (topic, payload) =>
            {
                requestBody = payload;
                var requestId = topic.Substring(topic.IndexOf("request_id=", StringComparison.Ordinal) + "request_id=".Length);
                return ("sys/commands/response/request_id=" + requestId,
                    "{\"result_code\":0,\"response_name\":\"SET_INTERVAL_RSP\",\"paras\":{\"result\":\"ok\"}}");
            };

            var result = await emulator.SendCommandAsync(IotdaTestBed.DeviceId, "Environment", "SET_INTERVAL",
                new JsonObject { ["seconds"] = 600 });

            Assert.AreEqual(IotdaRequestOutcome.Answered, result.Outcome);
            Assert.IsTrue(result.IsSuccess);
            Assert.AreEqual("SET_INTERVAL_RSP", result.Body["response_name"].GetValue<string>());
            Assert.AreEqual("ok", result.Body["paras"]["result"].GetValue<string>());
            var request = JsonNode.Parse(requestBody).AsObject();
            Assert.AreEqual("Environment", request["service_id"].GetValue<string>());
            Assert.AreEqual("SET_INTERVAL", request["command_name"].GetValue<string>());
            Assert.AreEqual(600, request["paras"]["seconds"].GetValue<int>());
            var counters = emulator.GetCounters();
            Assert.AreEqual(1L, counters.RequestsSent);
            Assert.AreEqual(1L, counters.RequestsAnswered);
        }

        [TestMethod]
        public async Task Command_RequestTopic_CarriesRequestIdOfTheResult()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = await IotdaTestBed.ConnectedDeviceAsync(emulator);
            string requestTopic = null;
            device.Responder = (topic, payload) =>
            {
                requestTopic = topic;
                return (topic.Replace("sys/commands/", "sys/commands/response/", StringComparison.Ordinal), "{}");
            };

            var result = await emulator.SendCommandAsync(IotdaTestBed.DeviceId, "Led", "SET", null);

            Assert.AreEqual(device.Prefix + "sys/commands/request_id=" + result.RequestId, requestTopic);

            // result_code absent means success on the platform.
            Assert.IsTrue(result.IsSuccess);
            Assert.AreEqual(0, result.ResultCode);
        }

        [TestMethod]
        public async Task Command_DeviceReportsFailure_AnsweredButNotSuccess()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = await IotdaTestBed.ConnectedDeviceAsync(emulator);
            device.Responder = (topic, payload) =>
                (topic.Replace("sys/commands/", "sys/commands/response/", StringComparison.Ordinal), "{\"result_code\":3}");

            var result = await emulator.SendCommandAsync(IotdaTestBed.DeviceId, "Led", "SET", null);

            Assert.AreEqual(IotdaRequestOutcome.Answered, result.Outcome);
            Assert.AreEqual(3, result.ResultCode);
            Assert.IsFalse(result.IsSuccess);
        }

        [TestMethod]
        public async Task Command_NoResponse_TimesOutWithPlatformError()
        {
            await using var emulator = await IotdaTestBed.StartAsync(new IotdaEmulatorOptions { RequestTimeout = ShortTimeout });
            await using var device = await IotdaTestBed.ConnectedDeviceAsync(emulator);

            var result = await emulator.SendCommandAsync(IotdaTestBed.DeviceId, "Led", "SET", null);

            Assert.AreEqual(IotdaRequestOutcome.TimedOut, result.Outcome);
            Assert.AreEqual("IOTDA.014111", result.ErrorCode);
            Assert.IsFalse(result.IsSuccess);
            Assert.IsNull(result.Body);
            Assert.IsNotNull(await device.WaitForMessageAsync("sys/commands/request_id=", IotdaTestBed.Soon));
            Assert.AreEqual(1L, emulator.GetCounters().RequestsTimedOut);
        }

        [TestMethod]
        public async Task Command_ResponseAfterTimeout_RecordedAsUnexpected()
        {
            await using var emulator = await IotdaTestBed.StartAsync(new IotdaEmulatorOptions { RequestTimeout = ShortTimeout });
            await using var device = await IotdaTestBed.ConnectedDeviceAsync(emulator);

            var result = await emulator.SendCommandAsync(IotdaTestBed.DeviceId, "Led", "SET", null);
            await device.PublishAsync("sys/commands/response/request_id=" + result.RequestId, "{\"result_code\":0}");

            Assert.AreEqual(IotdaRequestOutcome.TimedOut, result.Outcome);
            Assert.IsNotNull(await emulator.WaitForProblemAsync(p => p.Kind == IotdaProblemKind.UnexpectedResponse, IotdaTestBed.Soon));
            Assert.AreEqual(0L, emulator.GetCounters().RequestsAnswered);
        }

        [TestMethod]
        public async Task Command_MalformedResponse_ProblemAndTimeout()
        {
            await using var emulator = await IotdaTestBed.StartAsync(new IotdaEmulatorOptions { RequestTimeout = ShortTimeout });
            await using var device = await IotdaTestBed.ConnectedDeviceAsync(emulator);
            device.Responder = (topic, payload) =>
                (topic.Replace("sys/commands/", "sys/commands/response/", StringComparison.Ordinal), "{\"result_code\":");

            var result = await emulator.SendCommandAsync(IotdaTestBed.DeviceId, "Led", "SET", null);

            Assert.AreEqual(IotdaRequestOutcome.TimedOut, result.Outcome);
            Assert.AreEqual(IotdaProblemKind.MalformedBody, emulator.GetProblems()[0].Kind);
        }

        [TestMethod]
        public async Task Command_DeviceOffline_ReportedWithoutWaiting()
        {
            await using var emulator = await IotdaTestBed.StartAsync();

            var result = await emulator.SendCommandAsync(IotdaTestBed.DeviceId, "Led", "SET", null);

            Assert.AreEqual(IotdaRequestOutcome.DeviceOffline, result.Outcome);
            Assert.AreEqual(0L, emulator.GetCounters().RequestsSent);
        }

        [TestMethod]
        public async Task Command_DeviceNotSubscribed_NotDeliveredAndTimesOut()
        {
            await using var emulator = await IotdaTestBed.StartAsync(new IotdaEmulatorOptions { RequestTimeout = ShortTimeout });
            await using var device = IotdaTestBed.Device();
            await device.ConnectAsync(emulator.Port);
            Assert.IsTrue(await emulator.WaitForOnlineAsync(IotdaTestBed.DeviceId, true, IotdaTestBed.Soon));

            var result = await emulator.SendCommandAsync(IotdaTestBed.DeviceId, "Led", "SET", null);

            Assert.AreEqual(IotdaRequestOutcome.TimedOut, result.Outcome);
            var problem = emulator.GetProblems()[0];
            Assert.AreEqual(IotdaProblemKind.NotDelivered, problem.Kind);
            Assert.AreEqual(IotdaTestBed.DeviceId, problem.DeviceId);
        }

        [TestMethod]
        public async Task PropertiesSet_DeviceResponds_RoundTrip()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = await IotdaTestBed.ConnectedDeviceAsync(emulator);
            string requestBody = null;
            device.Responder = (topic, payload) =>
            {
                requestBody = payload;
                return (topic.Replace("sys/properties/set/", "sys/properties/set/response/", StringComparison.Ordinal),
                    "{\"result_code\":0,\"result_desc\":\"ok\"}");
            };

            var result = await emulator.SetPropertiesAsync(IotdaTestBed.DeviceId, "Environment", new JsonObject { ["interval"] = 600 });

            Assert.IsTrue(result.IsSuccess);
            Assert.AreEqual("ok", result.Body["result_desc"].GetValue<string>());
            var request = JsonNode.Parse(requestBody).AsObject();
            Assert.AreEqual(IotdaTestBed.DeviceId, request["object_device_id"].GetValue<string>());
            Assert.AreEqual("Environment", request["services"][0]["service_id"].GetValue<string>());
            Assert.AreEqual(600, request["services"][0]["properties"]["interval"].GetValue<int>());
        }

        [TestMethod]
        public async Task PropertiesGet_DeviceResponds_RoundTrip()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = await IotdaTestBed.ConnectedDeviceAsync(emulator);
            string requestBody = null;
            device.Responder = (topic, payload) =>
            {
                requestBody = payload;
                return (topic.Replace("sys/properties/get/", "sys/properties/get/response/", StringComparison.Ordinal),
                    "{\"services\":[{\"service_id\":\"Environment\",\"properties\":{\"temperature\":20.5}}]}");
            };

            var result = await emulator.GetPropertiesAsync(IotdaTestBed.DeviceId, "Environment");

            Assert.IsTrue(result.IsSuccess);
            Assert.AreEqual(20.5, result.Body["services"][0]["properties"]["temperature"].GetValue<double>());
            Assert.AreEqual("Environment", JsonNode.Parse(requestBody)["service_id"].GetValue<string>());
        }

        [TestMethod]
        public async Task PropertiesSetAndGet_NoResponse_TimeOut()
        {
            await using var emulator = await IotdaTestBed.StartAsync(new IotdaEmulatorOptions { RequestTimeout = ShortTimeout });
            await using var device = await IotdaTestBed.ConnectedDeviceAsync(emulator);

            var set = await emulator.SetPropertiesAsync(IotdaTestBed.DeviceId, "Environment", new JsonObject());
            var get = await emulator.GetPropertiesAsync(IotdaTestBed.DeviceId, null);

            Assert.AreEqual(IotdaRequestOutcome.TimedOut, set.Outcome);
            Assert.AreEqual(IotdaRequestOutcome.TimedOut, get.Outcome);
        }

        [TestMethod]
        public async Task Response_OnOtherKindOfResponseTopic_DoesNotAnswerTheRequest()
        {
            await using var emulator = await IotdaTestBed.StartAsync(new IotdaEmulatorOptions { RequestTimeout = ShortTimeout });
            await using var device = await IotdaTestBed.ConnectedDeviceAsync(emulator);

            // A property-set response carrying a command's request id must not complete the command.
            device.Responder = (topic, payload) =>
                (topic.Replace("sys/commands/", "sys/properties/set/response/", StringComparison.Ordinal), "{}");

            var result = await emulator.SendCommandAsync(IotdaTestBed.DeviceId, "Led", "SET", null);

            Assert.AreEqual(IotdaRequestOutcome.TimedOut, result.Outcome);
            Assert.AreEqual(IotdaProblemKind.UnexpectedResponse, emulator.GetProblems()[0].Kind);
        }

        [TestMethod]
        public async Task MessageDown_OnlineDevice_Delivered()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = await IotdaTestBed.ConnectedDeviceAsync(emulator);

            Assert.IsTrue(await emulator.SendMessageAsync(IotdaTestBed.DeviceId, "hello node"));

            var message = await device.WaitForMessageAsync("sys/messages/down", IotdaTestBed.Soon);
            Assert.IsNotNull(message);
            Assert.AreEqual("hello node", message.ConvertPayloadToString());
        }

        [TestMethod]
        public async Task MessageDown_OfflineDevice_False()
        {
            await using var emulator = await IotdaTestBed.StartAsync();

            Assert.IsFalse(await emulator.SendMessageAsync(IotdaTestBed.DeviceId, "hello node"));
        }

        [TestMethod]
        public async Task Stop_WhileCommandPending_CompletesAsStopped()
        {
            var emulator = await IotdaTestBed.StartAsync();
            await using var device = await IotdaTestBed.ConnectedDeviceAsync(emulator);

            var pending = emulator.SendCommandAsync(IotdaTestBed.DeviceId, "Led", "SET", null);
            Assert.IsNotNull(await device.WaitForMessageAsync("sys/commands/request_id=", IotdaTestBed.Soon));
            await emulator.StopAsync();

            var result = await pending.WaitAsync(IotdaTestBed.Soon);
            Assert.AreEqual(IotdaRequestOutcome.Stopped, result.Outcome);
            Assert.IsFalse(emulator.IsOnline(IotdaTestBed.DeviceId));
        }
    }
}
