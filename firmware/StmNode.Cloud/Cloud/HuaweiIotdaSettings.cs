namespace StmNode.Cloud
{
    /// <summary>How to reach and log in to Huawei IoTDA (protocols.md §1.1–1.2). The secret never goes to a log.</summary>
    public sealed class HuaweiIotdaSettings
    {
        /// <summary>The instance's device-access host from the console (Overview → Access Details).</summary>
        public string Host;

        /// <summary>1883 plain MQTT, 8883 MQTT over TLS.</summary>
        public int Port = 1883;

        public bool UseTls;

        /// <summary>The device id as registered, e.g. "{product_id}_{node_id}".</summary>
        public string DeviceId;

        public string Secret;

        /// <summary>0: the platform does not check the timestamp (safe before the clock is set); 1: it does.</summary>
        public int SignType;

        /// <summary>30 … 1200 s; IoTDA refuses anything else.</summary>
        public int KeepAliveSeconds = 120;
    }
}
