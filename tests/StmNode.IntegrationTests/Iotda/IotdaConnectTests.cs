using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;
using StmNode.Host.Iotda;

namespace StmNode.IntegrationTests.Iotda
{
    [TestClass]
    public class IotdaConnectTests
    {
        [TestMethod]
        public async Task Connect_ValidCredentials_AcceptedAndOnline()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();

            Assert.AreEqual(MqttClientConnectResultCode.Success, await device.ConnectAsync(emulator.Port));

            Assert.IsTrue(await emulator.WaitForOnlineAsync(IotdaTestBed.DeviceId, true, IotdaTestBed.Soon));
            var status = emulator.GetDevice(IotdaTestBed.DeviceId);
            Assert.IsTrue(status.IsOnline);
            Assert.AreEqual(120, status.KeepAliveSeconds);
            StringAssert.StartsWith(status.ClientId, IotdaTestBed.DeviceId + "_0_0_");
            Assert.AreEqual(1L, emulator.GetCounters().Connections);
            Assert.AreEqual(0, emulator.GetProblems().Count);
        }

        [TestMethod]
        public async Task Connect_WorkedExampleClientIdSignType0_AcceptedDespiteOldTimestamp()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();

            // Sign type 0: the platform checks only the password, not the 2024 timestamp (protocols.md §1.2, §1.8).
            var result = await device.ConnectAsync(emulator.Port, clientId: "660f1e2a7bbf9d23a1b2c3d4_esp32node01_0_0_2024061003",
                password: "1a67f20631525e06d136d75928719a0dfccba98a6b2c8a8682f377af1ce87f63");

            Assert.AreEqual(MqttClientConnectResultCode.Success, result);
        }

        [TestMethod]
        public async Task Connect_PasswordFromCoreManagedHmac_Accepted()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();
            var timestamp = IotdaTestDevice.Timestamp(DateTimeOffset.UtcNow);

            // The firmware computes the password with Core's managed HMAC (no native crypto on the nano test runner).
            var password = StmNode.Crypto.Hex.ToLower(StmNode.Crypto.HmacSha256.Compute(
                Encoding.UTF8.GetBytes(timestamp), Encoding.UTF8.GetBytes(IotdaTestBed.Secret)));
            var result = await device.ConnectAsync(emulator.Port, clientId: device.ClientId(0, timestamp), password: password);

            Assert.AreEqual(MqttClientConnectResultCode.Success, result);
        }

        [TestMethod]
        public async Task Connect_WrongPassword_RefusedBadUserNameOrPassword()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();

            var result = await device.ConnectAsync(emulator.Port, password: IotdaTestDevice.Password("2024061003", "wrong"));

            Assert.AreEqual(MqttClientConnectResultCode.BadUserNameOrPassword, result);
            Assert.IsFalse(emulator.IsOnline(IotdaTestBed.DeviceId));
            Assert.AreEqual(1L, emulator.GetCounters().RefusedConnections);
            var problem = emulator.GetProblems()[0];
            Assert.AreEqual(IotdaProblemKind.ConnectRefused, problem.Kind);
            Assert.AreEqual(IotdaTestBed.DeviceId, problem.DeviceId);
        }

        [TestMethod]
        public async Task Connect_UnregisteredDevice_RefusedBadUserNameOrPassword()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = new IotdaTestDevice("unknown_device", IotdaTestBed.Secret);

            Assert.AreEqual(MqttClientConnectResultCode.BadUserNameOrPassword, await device.ConnectAsync(emulator.Port));
        }

        [TestMethod]
        public async Task Connect_UserNameNotDeviceId_RefusedBadUserNameOrPassword()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();

            var result = await device.ConnectAsync(emulator.Port, userName: IotdaTestBed.OtherDeviceId);

            Assert.AreEqual(MqttClientConnectResultCode.BadUserNameOrPassword, result);
        }

        [TestMethod]
        [DataRow("660f1e2a7bbf9d23a1b2c3d4_esp32node01")]
        [DataRow("660f1e2a7bbf9d23a1b2c3d4_esp32node01_1_0_2024061003")]
        [DataRow("660f1e2a7bbf9d23a1b2c3d4_esp32node01_0_2_2024061003")]
        [DataRow("660f1e2a7bbf9d23a1b2c3d4_esp32node01_0_0_20240610")]
        public async Task Connect_WrongClientIdShape_RefusedIdentifierRejected(string clientId)
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();

            var result = await device.ConnectAsync(emulator.Port, clientId: clientId);

            Assert.AreEqual(MqttClientConnectResultCode.ClientIdentifierNotValid, result);
            Assert.AreEqual(IotdaProblemKind.ConnectRefused, emulator.GetProblems()[0].Kind);
        }

        [TestMethod]
        [DataRow(29)]
        [DataRow(1201)]
        public async Task Connect_KeepAliveOutsideRange_Refused(int keepAliveSeconds)
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();

            var result = await device.ConnectAsync(emulator.Port, keepAliveSeconds: keepAliveSeconds);

            Assert.AreEqual(MqttClientConnectResultCode.ClientIdentifierNotValid, result);
            StringAssert.Contains(emulator.GetProblems()[0].Detail, "keep-alive");
        }

        [TestMethod]
        public async Task Connect_NoKeepAlive_Refused()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();

            var result = await device.ConnectAsync(emulator.Port, tweak: b => b.WithNoKeepAlive());

            Assert.AreEqual(MqttClientConnectResultCode.ClientIdentifierNotValid, result);
        }

        [TestMethod]
        [DataRow(30)]
        [DataRow(1200)]
        public async Task Connect_KeepAliveAtLimits_Accepted(int keepAliveSeconds)
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();

            Assert.AreEqual(MqttClientConnectResultCode.Success, await device.ConnectAsync(emulator.Port, keepAliveSeconds: keepAliveSeconds));
        }

        [TestMethod]
        public async Task Connect_WithWill_Refused()
        {
            await using var emulator = await IotdaTestBed.StartAsync();
            await using var device = IotdaTestBed.Device();

            var result = await device.ConnectAsync(emulator.Port,
                tweak: b => b.WithWillTopic(device.Prefix + "sys/messages/up").WithWillPayload("gone"));

            Assert.AreEqual(MqttClientConnectResultCode.NotAuthorized, result);
            StringAssert.Contains(emulator.GetProblems()[0].Detail, "will");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(59)]
        [DataRow(119)]
        public async Task Connect_SignType1TimestampWithinAnHour_Accepted(int minutesAfterHourStart)
        {
            var hour = new DateTimeOffset(2026, 11, 25, 22, 0, 0, TimeSpan.Zero);
            var clock = new FixedClock(hour.AddMinutes(minutesAfterHourStart));
            await using var emulator = await IotdaTestBed.StartAsync(new IotdaEmulatorOptions { Clock = clock });
            await using var device = IotdaTestBed.Device();

            Assert.AreEqual(MqttClientConnectResultCode.Success, await device.ConnectAsync(emulator.Port, signType: 1, at: hour));
        }

        [TestMethod]
        [DataRow(-61)]
        [DataRow(121)]
        public async Task Connect_SignType1TimestampOffByMoreThanAnHour_Refused(int minutesAfterHourStart)
        {
            var hour = new DateTimeOffset(2026, 11, 25, 22, 0, 0, TimeSpan.Zero);
            var clock = new FixedClock(hour.AddMinutes(minutesAfterHourStart));
            await using var emulator = await IotdaTestBed.StartAsync(new IotdaEmulatorOptions { Clock = clock });
            await using var device = IotdaTestBed.Device();

            var result = await device.ConnectAsync(emulator.Port, signType: 1, at: hour);

            Assert.AreEqual(MqttClientConnectResultCode.BadUserNameOrPassword, result);
            StringAssert.Contains(emulator.GetProblems()[0].Detail, "timestamp");
        }

        [TestMethod]
        public async Task Connect_SignType0TimestampFarOff_Accepted()
        {
            var clock = new FixedClock(new DateTimeOffset(2026, 11, 25, 22, 0, 0, TimeSpan.Zero));
            await using var emulator = await IotdaTestBed.StartAsync(new IotdaEmulatorOptions { Clock = clock });
            await using var device = IotdaTestBed.Device();

            var result = await device.ConnectAsync(emulator.Port, signType: 0, at: clock.Now.AddDays(-30));

            Assert.AreEqual(MqttClientConnectResultCode.Success, result);
        }

        [TestMethod]
        public async Task Start_TwoEmulators_EachOnItsOwnFreePort()
        {
            await using var first = await IotdaTestBed.StartAsync();
            await using var second = await IotdaTestBed.StartAsync();

            Assert.AreNotEqual(0, first.Port);
            Assert.AreNotEqual(first.Port, second.Port);
            Assert.AreEqual("127.0.0.1", first.Host);
        }
    }
}
