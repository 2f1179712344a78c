namespace StmNode.Ports
{
    /// <summary>What an <see cref="IMqttLink"/> needs to open an MQTT session with a broker.</summary>
    public sealed class MqttConnectOptions
    {
        public string Host;
        public int Port = 1883;
        public bool UseTls;
        public string ClientId;
        public string Username;
        public string Password;
        public int KeepAliveSeconds = 120;
        public bool CleanSession = true;
    }
}
