namespace StmNode.Mqtt
{
    /// <summary>The fields of an MQTT 3.1.1 CONNECT. A null Username, Password or WillTopic leaves that part out.</summary>
    public sealed class MqttConnectPacket
    {
        public string ClientId;
        public string Username;
        /// <summary>Sent as its UTF-8 bytes. Never log it.</summary>
        public string Password;
        /// <summary>Topic of the Will message; null for no Will (IoTDA does not support Will).</summary>
        public string WillTopic;
        public byte[] WillPayload;
        public int WillQos;
        public bool WillRetain;
        public bool CleanSession = true;
        /// <summary>0..65535 seconds; 0 disables keep-alive.</summary>
        public int KeepAliveSeconds = 120;
    }
}
