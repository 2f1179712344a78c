using StmNode.Cloud;
using StmNode.Node;

namespace StmNode.Host.Composition
{
    /// <summary>The cloud profiles Core offers, filled from host settings, all with the StmNode device model.</summary>
    public static class CloudFactory
    {
        /// <summary>Huawei IoTDA (or the embedded emulator, which speaks the same protocol).</summary>
        public static ICloudProfile HuaweiIotda(string host, int port, bool tls, string deviceId, string secret, int keepAliveSeconds = 120)
        {
            var settings = new HuaweiIotdaSettings
            {
                Host = host,
                Port = port,
                UseTls = tls,
                DeviceId = deviceId,
                Secret = secret,
                SignType = 0,
                KeepAliveSeconds = keepAliveSeconds,
            };
            return new HuaweiIotdaProfile(settings, Stm32Service.CreateDeviceModel());
        }

        /// <summary>Alibaba Cloud IoT with the device triple.</summary>
        public static ICloudProfile Aliyun(string host, int port, bool tls, string productKey, string deviceName, string secret)
        {
            var settings = new AliyunSettings
            {
                Host = host,
                Port = port,
                UseTls = tls,
                ProductKey = productKey,
                DeviceName = deviceName,
                DeviceSecret = secret,
            };
            return new AliyunProfile(settings, Stm32Service.CreateDeviceModel());
        }

        /// <summary>Any MQTT broker: reports to devices/{id}/report, commands on devices/{id}/commands/{request_id}.</summary>
        public static ICloudProfile GenericMqtt(string host, int port, bool tls, string deviceId, string username, string password)
        {
            var settings = new GenericMqttSettings
            {
                Host = host,
                Port = port,
                UseTls = tls,
                DeviceId = deviceId,
                Username = string.IsNullOrEmpty(username) ? null : username,
                Password = string.IsNullOrEmpty(password) ? null : password,
            };
            return new GenericMqttProfile(settings, Stm32Service.CreateDeviceModel());
        }
    }
}
