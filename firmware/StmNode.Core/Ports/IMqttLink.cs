namespace StmNode.Ports
{
    /// <summary>
    /// One MQTT session to a broker, whatever carries it: M2Mqtt over the ESP32's Wi-Fi, a Quectel or ESP-AT
    /// modem's own MQTT stack, or Core's MQTT 3.1.1 client over a byte line. Every call is bounded in time.
    /// Incoming messages and loss are raised from <see cref="Poll"/>, on the caller's thread.
    /// </summary>
    public interface IMqttLink
    {
        /// <summary>Short name of the transport for logs and diagnostics ("wifi", "bc26", "ec20", "esp-at", "tcp").</summary>
        string Kind { get; }

        bool IsConnected { get; }

        /// <summary>Human-readable detail of the last failure (never contains a secret).</summary>
        string LastError { get; }

        /// <summary>Brings up the bearer if needed and opens the MQTT session.</summary>
        LinkResult Connect(MqttConnectOptions options);

        LinkResult Subscribe(string topicFilter, int qos);

        /// <summary>Publishes count bytes of payload from offset. QoS 0 or 1.</summary>
        LinkResult Publish(string topic, byte[] payload, int offset, int count, int qos);

        /// <summary>Processes incoming data for at most timeoutMs; raises <see cref="MessageReceived"/> and <see cref="Lost"/>.</summary>
        void Poll(int timeoutMs);

        /// <summary>Closes the session politely if possible; never throws.</summary>
        void Disconnect();

        event MqttMessageHandler MessageReceived;

        event LinkLostHandler Lost;
    }
}
