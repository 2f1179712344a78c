namespace StmNode.Cloud
{
    /// <summary>How to reach and log in to Alibaba Cloud IoT with the device triple (protocols.md §2). The secret never goes to a log.</summary>
    public sealed class AliyunSettings
    {
        /// <summary>"{pk}.iot-as-mqtt.{region}.aliyuncs.com" (legacy) or "{instanceId}.mqtt.iothub.aliyuncs.com".</summary>
        public string Host;

        public int Port = 1883;

        /// <summary>TLS gives securemode=2, plain TCP securemode=3 (refused by new instances, see §2.2).</summary>
        public bool UseTls;

        public string ProductKey;
        public string DeviceName;
        public string DeviceSecret;

        /// <summary>30 … 1200 s; Alibaba recommends more than 300 s.</summary>
        public int KeepAliveSeconds = 600;

        /// <summary>Ask the cloud to answer each property post (sys.ack = 1) on post_reply.</summary>
        public bool RequestReplies = true;
    }
}
