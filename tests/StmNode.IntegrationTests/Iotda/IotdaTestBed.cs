using System;
using System.Threading.Tasks;
using StmNode.Host.Iotda;

namespace StmNode.IntegrationTests.Iotda
{
    /// <summary>Starts an emulator on a free loopback port with the worked-example device of protocols.md §1.8 registered.</summary>
    public static class IotdaTestBed
    {
        public const string DeviceId = "660f1e2a7bbf9d23a1b2c3d4_esp32node01";
        public const string Secret = "Sens0rS3cret!";
        public const string OtherDeviceId = "660f1e2a7bbf9d23a1b2c3d4_esp32node02";

        /// <summary>Generous bound for things that happen within milliseconds on loopback.</summary>
        public static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

        public static async Task<IotdaEmulator> StartAsync(IotdaEmulatorOptions options = null)
        {
            var emulator = new IotdaEmulator(options);
            emulator.RegisterDevice(DeviceId, Secret);
            emulator.RegisterDevice(OtherDeviceId, "An0therS3cret");
            await emulator.StartAsync();
            return emulator;
        }

        public static IotdaTestDevice Device() => new IotdaTestDevice(DeviceId, Secret);

        /// <summary>A connected device subscribed to its system topics.</summary>
        public static async Task<IotdaTestDevice> ConnectedDeviceAsync(IotdaEmulator emulator)
        {
            var device = Device();
            var result = await device.ConnectAsync(emulator.Port);
            if (result != MQTTnet.MqttClientConnectResultCode.Success)
            {
                throw new InvalidOperationException("test device could not connect: " + result);
            }

            await device.SubscribeSystemTopicsAsync();

            // The emulator marks the device online just after sending CONNACK.
            if (!await emulator.WaitForOnlineAsync(DeviceId, true, Soon))
            {
                throw new InvalidOperationException("the emulator did not see the test device online");
            }

            return device;
        }
    }
}
