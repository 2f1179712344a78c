namespace StmNode.Ports
{
    /// <summary>
    /// An MQTT client library that brings its own network stack and threads (nanoFramework.M2Mqtt over the ESP32's
    /// Wi-Fi). The link logic over it (checks, reconnects, the receive queue, error texts) is StmNode.Mqtt's
    /// ClientMqttLink, tested with a fake; an adapter only translates the calls. The library's failures (DNS,
    /// socket, TLS) come out as the exceptions it throws.
    /// </summary>
    public interface IMqttClientPort
    {
        /// <summary>True while the client's session is up.</summary>
        bool IsConnected { get; }

        /// <summary>Joins the network under the client when needed (quick when joined); false with a reason when it cannot.</summary>
        bool JoinNetwork(out string error);

        /// <summary>
        /// Starts a new client (resolving the host, connecting, TLS) and sends CONNECT: returns the broker's CONNACK code,
        /// 0 when accepted. Throws what the library throws when the network fails.
        /// </summary>
        int Connect(MqttConnectOptions options);

        /// <summary>Hands a SUBSCRIBE to the client, which sends it from its own thread.</summary>
        void Subscribe(string topicFilter, int qos);

        /// <summary>Hands a PUBLISH to the client, which keeps the payload array and sends it from its own thread.</summary>
        void Publish(string topic, byte[] payload, int qos);

        /// <summary>Sends DISCONNECT when connected and closes the client, stopping its threads; nothing when there is none.</summary>
        void Disconnect();

        /// <summary>Waits at most timeoutMs, returning early when the client raised an event.</summary>
        void Wait(int timeoutMs);

        /// <summary>A message arrived, raised on the client's thread for the current client only.</summary>
        event MqttMessageHandler MessageReceived;

        /// <summary>The current client's connection closed without being asked to, raised on the client's thread.</summary>
        event LinkLostHandler ConnectionClosed;
    }
}
