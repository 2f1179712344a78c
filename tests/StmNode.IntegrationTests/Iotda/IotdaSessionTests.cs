using System;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;
using StmNode.Host.Iotda;

namespace StmNode.IntegrationTests.Iotda
{
    [TestClass]
    public class IotdaSessionTests
    {
        [TestMethod]
        public async Task SecondConnection_NewTimestamp_DropsTheFirst()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var first = IotdaTestBed.Device();
            await using var second = IotdaTestBed.Device();
            var now = DateTimeOffset.UtcNow;
            Assert.AreEqual(MqttClientConnectResultCode.Success, await first.ConnectAsync(emulator.Port, at: now.AddHours(-1)));
            Assert.IsTrue(await emulator.WaitForOnlineAsync(IotdaTestBed.DeviceId, true, IotdaTestBed.Soon));

            Assert.AreEqual(MqttClientConnectResultCode.Success, await second.ConnectAsync(emulator.Port, at: now));

            Assert.IsTrue(await first.WaitForDisconnectAsync(IotdaTestBed.Soon));
            Assert.IsTrue(second.IsConnected);
            Assert.IsNotNull(await emulator.WaitForProblemAsync(p => p.Kind == IotdaProblemKind.ConnectionReplaced, IotdaTestBed.Soon));
            var status = emulator.GetDevice(IotdaTestBed.DeviceId);
            Assert.IsTrue(status.IsOnline);
            Assert.AreEqual(second.ClientId(0, IotdaTestDevice.Timestamp(now)), status.ClientId);
            Assert.AreEqual(2L, emulator.GetCounters().Connections);
        }

        [TestMethod]
        public async Task SecondConnection_SameClientId_TakesOverAndStaysOnline()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var first = IotdaTestBed.Device();
            await using var second = IotdaTestBed.Device();
            var now = DateTimeOffset.UtcNow;
            await first.ConnectAsync(emulator.Port, at: now);
            Assert.IsTrue(await emulator.WaitForOnlineAsync(IotdaTestBed.DeviceId, true, IotdaTestBed.Soon));

            Assert.AreEqual(MqttClientConnectResultCode.Success, await second.ConnectAsync(emulator.Port, at: now));

            Assert.IsTrue(await first.WaitForDisconnectAsync(IotdaTestBed.Soon));
            Assert.IsNotNull(await emulator.WaitForProblemAsync(p => p.Kind == IotdaProblemKind.ConnectionReplaced, IotdaTestBed.Soon));

            // The taken-over connection must not leave the device marked offline.
            await Task.Delay(100);
            Assert.IsTrue(emulator.IsOnline(IotdaTestBed.DeviceId));
            Assert.IsTrue(second.IsConnected);
        }

        [TestMethod]
        public async Task SecondConnection_OtherDevice_BothStayConnected()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var first = IotdaTestBed.Device();
            await using var other = new IotdaTestDevice(IotdaTestBed.OtherDeviceId, "An0therS3cret");
            await first.ConnectAsync(emulator.Port);

            Assert.AreEqual(MqttClientConnectResultCode.Success, await other.ConnectAsync(emulator.Port));

            Assert.IsTrue(await emulator.WaitForOnlineAsync(IotdaTestBed.OtherDeviceId, true, IotdaTestBed.Soon));
            Assert.IsFalse(await first.WaitForDisconnectAsync(TimeSpan.FromMilliseconds(200)));
            Assert.AreEqual(2, emulator.GetDevices().Count);
            Assert.IsTrue(emulator.GetDevices()[0].IsOnline && emulator.GetDevices()[1].IsOnline);
        }

        [TestMethod]
        public async Task SilentClient_PastSilenceLimit_Dropped()
        {
            // 30 s keep-alive × 0.02 = 0.6 s of allowed silence.
            await using var emulator = await IotdaTestBed.StartAsync(new IotdaEmulatorOptions { SilenceFactor = 0.02 });
            await using var device = IotdaTestBed.Device();
            Assert.AreEqual(MqttClientConnectResultCode.Success, await device.ConnectAsync(emulator.Port, keepAliveSeconds: 30));

            Assert.IsTrue(await device.WaitForDisconnectAsync(IotdaTestBed.Soon));

            Assert.IsNotNull(await emulator.WaitForProblemAsync(p => p.Kind == IotdaProblemKind.KeepAliveExpired, IotdaTestBed.Soon));
            Assert.IsTrue(await emulator.WaitForOnlineAsync(IotdaTestBed.DeviceId, false, IotdaTestBed.Soon));
            Assert.AreEqual(1L, emulator.GetCounters().Connections);
        }

        [TestMethod]
        public async Task PingingClient_PastSilenceLimit_Kept()
        {
            await using var emulator = await IotdaTestBed.StartAsync(new IotdaEmulatorOptions { SilenceFactor = 0.02 });
            await using var device = IotdaTestBed.Device();
            await device.ConnectAsync(emulator.Port, keepAliveSeconds: 30);

            // Ping every 100 ms for twice the 0.6 s limit.
            for (var i = 0; i < 12; i++)
            {
                await device.PingAsync();
                await Task.Delay(100);
            }

            Assert.IsTrue(device.IsConnected);
            Assert.IsTrue(emulator.IsOnline(IotdaTestBed.DeviceId));
            Assert.AreEqual(0, emulator.GetProblems().Count);
        }

        [TestMethod]
        public async Task GetDevice_Unregistered_Null()
        {
            await using var emulator = await IotdaTestBed.StartAsync();

            Assert.IsNull(emulator.GetDevice("nobody"));
            Assert.AreEqual(0, emulator.GetReports("nobody").Count);
            Assert.IsNull(emulator.GetLastReport("nobody"));
            Assert.IsFalse(emulator.IsOnline("nobody"));
        }

        [TestMethod]
        public async Task Device_Disconnects_OfflineWithCountsKept()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            var device = IotdaTestBed.Device();
            await device.ConnectAsync(emulator.Port);
            await device.PublishAsync("sys/properties/report", "{\"services\":[{\"service_id\":\"A\",\"properties\":{}}]}");
            Assert.IsNotNull(await emulator.WaitForReportAsync(IotdaTestBed.DeviceId, _ => true, IotdaTestBed.Soon));

            await device.DisposeAsync();

            Assert.IsTrue(await emulator.WaitForOnlineAsync(IotdaTestBed.DeviceId, false, IotdaTestBed.Soon));
            var status = emulator.GetDevice(IotdaTestBed.DeviceId);
            Assert.IsNull(status.ClientId);
            Assert.AreEqual(1L, status.Reports);
            Assert.IsNotNull(status.LastReport);
        }
    }
}
