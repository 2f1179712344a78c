namespace StmNode
{
    /// <summary>
    /// Template for the device's secrets and settings. Copy this file to Secrets.cs (git-ignored) and fill it in;
    /// the build stops with a clear message while Secrets.cs is missing. Nothing here is ever logged.
    /// </summary>
    internal static class Secrets
    {
        /// <summary>Wi-Fi network name and password (leave the SSID empty and drop "wifi" from the transports when the node uses a modem only).</summary>
        public const string WifiSsid = "your-ssid";
        public const string WifiPassword = "your-wifi-password";

        /// <summary>IoTDA device access host (console: Overview, Access Details, MQTTS).</summary>
        public const string IotdaHost = "xxxxxxxxxx.st1.iotda-device.cn-north-4.myhuaweicloud.com";

        /// <summary>Device id and secret as registered in the IoTDA console.</summary>
        public const string DeviceId = "your-product-id_your-node-id";
        public const string DeviceSecret = "your-device-secret";

        /// <summary>APN for the EC20/BC26; empty lets the network assign its default.</summary>
        public const string Apn = "";

        /// <summary>
        /// PEM of the root CA that signs the IoTDA device endpoint (Huawei's device demos ship it, see
        /// protocols.md §1.1). Replacing the certificate means editing this text and redeploying, no code change.
        /// Empty: the TLS check uses the CA stored in the device's network configuration (Device Explorer).
        /// </summary>
        public const string IotdaRootCaPem = "";

        /// <summary>
        /// Optional settings in the JSON form of node-config.example.json (pins, periods, thresholds, transport order,
        /// log level); applied over the defaults and the values above. Example:
        /// {"transport_order":["wifi","ec20"],"report_period_s":30,"pins":{"light":-1}}
        /// </summary>
        public const string ConfigJson = "";
    }
}
