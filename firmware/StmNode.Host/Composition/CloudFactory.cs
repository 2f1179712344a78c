using StmNode.Cloud;

namespace StmNode.Host.Composition
{
    /// <summary>The cloud profiles Core offers, filled from host settings.</summary>
    public static class CloudFactory
    {
        /// <summary>Huawei IoTDA (or the embedded emulator, which speaks the same protocol) with the StmNode device model.</summary>
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
            return new HuaweiIotdaProfile(settings, DeviceModel.CreateStm32());
        }
    }
}
