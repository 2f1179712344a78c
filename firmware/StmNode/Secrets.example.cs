namespace StmNode
{
    /// <summary>
    /// Template for the device's secrets. Copy this file to Secrets.cs (git-ignored) and fill it in;
    /// the build stops with a clear message while Secrets.cs is missing.
    /// </summary>
    internal static class Secrets
    {
        /// <summary>Wi-Fi network name and password (leave empty when the node uses a modem only).</summary>
        public const string WifiSsid = "your-ssid";
        public const string WifiPassword = "your-wifi-password";

        /// <summary>IoTDA device access host (console: Overview, Access Details, MQTTS).</summary>
        public const string IotdaHost = "xxxxxxxxxx.st1.iotda-device.cn-north-4.myhuaweicloud.com";

        /// <summary>Device id and secret as registered in the IoTDA console.</summary>
        public const string DeviceId = "your-product-id_your-node-id";
        public const string DeviceSecret = "your-device-secret";
    }
}
