using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;
using MQTTnet.Protocol;
using StmNode.Host.Iotda;

namespace StmNode.IntegrationTests.Iotda
{
    [TestClass]
    public class IotdaTopicRightsTests
    {
        private const string Report = "{\"services\":[{\"service_id\":\"Environment\",\"properties\":{\"temperature\":21}}]}";

        [TestMethod]
        public async Task Subscribe_OwnSystemFilters_GrantedQos1()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();
            await device.ConnectAsync(emulator.Port);

            Assert.AreEqual(MqttClientSubscribeResultCode.GrantedQoS1, await device.SubscribeAsync("sys/commands/#"));
            Assert.AreEqual(MqttClientSubscribeResultCode.GrantedQoS0,
                await device.SubscribeAsync("sys/messages/down", MqttQualityOfServiceLevel.AtMostOnce));
            Assert.AreEqual(0, emulator.GetProblems().Count);
        }

        [TestMethod]
        [DataRow("$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node02/sys/commands/#")]
        [DataRow("$oc/devices/+/sys/commands/#")]
        [DataRow("$oc/#")]
        [DataRow("#")]
        public async Task Subscribe_ForeignFilter_RefusedWithFailure(string filter)
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();
            await device.ConnectAsync(emulator.Port);

            var result = await device.SubscribeAsync(filter);

            // MQTT 3.1.1 has a single failure code (0x80); MQTTnet reports it as UnspecifiedError.
            Assert.AreEqual(MqttClientSubscribeResultCode.UnspecifiedError, result);
            Assert.AreEqual(IotdaProblemKind.ForeignTopic, emulator.GetProblems()[0].Kind);
            Assert.IsTrue(device.IsConnected);
        }

        [TestMethod]
        public async Task Subscribe_Qos2_RefusedWithFailure()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();
            await device.ConnectAsync(emulator.Port);

            var result = await device.SubscribeAsync("sys/commands/#", MqttQualityOfServiceLevel.ExactlyOnce);

            Assert.AreEqual(MqttClientSubscribeResultCode.UnspecifiedError, result);
            Assert.AreEqual(IotdaProblemKind.QosNotSupported, emulator.GetProblems()[0].Kind);
        }

        [TestMethod]
        public async Task Publish_OtherDevicesTopic_DisconnectedAndNotStored()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();
            await device.ConnectAsync(emulator.Port);

            await device.PublishAsync("$oc/devices/" + IotdaTestBed.OtherDeviceId + "/sys/properties/report", Report,
                MqttQualityOfServiceLevel.AtMostOnce);

            Assert.IsTrue(await device.WaitForDisconnectAsync(IotdaTestBed.Soon));
            Assert.AreEqual(IotdaProblemKind.ForeignTopic, emulator.GetProblems()[0].Kind);
            Assert.AreEqual(0, emulator.GetReports(IotdaTestBed.OtherDeviceId).Count);
            Assert.IsTrue(await emulator.WaitForOnlineAsync(IotdaTestBed.DeviceId, false, IotdaTestBed.Soon));
        }

        [TestMethod]
        public async Task Publish_Qos2_Disconnected()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();
            await device.ConnectAsync(emulator.Port);

            // The client waits for PUBREC, which never comes: the server closes the link instead.
            var publish = device.PublishAsync("sys/properties/report", Report, MqttQualityOfServiceLevel.ExactlyOnce);

            Assert.IsTrue(await device.WaitForDisconnectAsync(IotdaTestBed.Soon));
            await Assert.ThrowsAsync<MQTTnet.Exceptions.MqttCommunicationException>(() => publish).ConfigureAwait(false);
            Assert.AreEqual(IotdaProblemKind.QosNotSupported, emulator.GetProblems()[0].Kind);
            Assert.AreEqual(0, emulator.GetReports(IotdaTestBed.DeviceId).Count);
        }

        [TestMethod]
        public async Task Publish_Retained_Disconnected()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();
            await device.ConnectAsync(emulator.Port);

            await device.PublishAsync("sys/properties/report", Report, MqttQualityOfServiceLevel.AtMostOnce, retain: true);

            Assert.IsTrue(await device.WaitForDisconnectAsync(IotdaTestBed.Soon));
            Assert.AreEqual(IotdaProblemKind.RetainNotSupported, emulator.GetProblems()[0].Kind);
        }

        [TestMethod]
        public async Task Publish_LargerThanOneMegabyte_DroppedWithProblem()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();
            await device.ConnectAsync(emulator.Port);

            await device.PublishAsync("sys/messages/up", new string('x', 1024 * 1024 + 1));
            await device.PublishAsync("sys/messages/up", new string('x', 1024 * 1024));

            var stored = await emulator.WaitForMessageAsync(IotdaTestBed.DeviceId, _ => true, IotdaTestBed.Soon);
            Assert.IsNotNull(stored);
            Assert.AreEqual(1024 * 1024, stored.Payload.Length);
            Assert.AreEqual(1, emulator.GetMessagesUp(IotdaTestBed.DeviceId).Count);
            Assert.AreEqual(IotdaProblemKind.PayloadTooLarge, emulator.GetProblems()[0].Kind);
        }

        [TestMethod]
        public async Task Publish_UnemulatedOwnTopic_RecordedAndConnectionKept()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();
            await device.ConnectAsync(emulator.Port);

            await device.PublishAsync("sys/shadow/get/request_id=1", "{}");

            var problem = await emulator.WaitForProblemAsync(p => p.Kind == IotdaProblemKind.UnsupportedTopic, IotdaTestBed.Soon);
            Assert.IsNotNull(problem);
            Assert.IsTrue(device.IsConnected);
        }
    }
}
