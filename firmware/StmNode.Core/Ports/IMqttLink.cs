namespace StmNode.Ports
{
    /// <summary>
    /// One MQTT session to a broker, whatever carries it: M2Mqtt over the ESP32's Wi-Fi, a Quectel or ESP-AT
    /// modem's own MQTT stack, or Core's MQTT 3.1.1 client over a byte stream. Every call is bounded in time.
    /// Received messages wait in the link's one bounded queue until <see cref="TryTakeMessage"/> takes them; loss is
    /// raised from <see cref="Poll"/>, on the caller's thread.
    /// </summary>
    public interface IMqttLink
    {
        /// <summary>Short name of the transport for logs and diagnostics ("wifi", "bc26", "ec20", "esp-at", "tcp").</summary>
        string Kind { get; }

        bool IsConnected { get; }

        /// <summary>Human-readable detail of the last failure (never contains a secret).</summary>
        string LastError { get; }

        /// <summary>Received messages lost because the queue was full (each one logged).</summary>
        int DroppedMessages { get; }

        /// <summary>
        /// Brings up the bearer if needed and opens the MQTT session. When the broker starts a new session (a clean one,
        /// or CONNACK without session-present; a link that cannot tell takes every session as new) the link subscribes
        /// each filter it keeps, once; when one of them fails the session is closed and the result says why.
        /// </summary>
        LinkResult Connect(MqttConnectOptions options);

        /// <summary>
        /// Adds a filter to the subscriptions the link owns. Connected, it is sent now, unless the session already has
        /// it (a filter the broker refuses or does not acknowledge is not kept); otherwise it is kept for
        /// <see cref="Connect"/>. Nobody else re-subscribes after a reconnect.
        /// </summary>
        LinkResult Subscribe(string topicFilter, int qos);

        /// <summary>Publishes count bytes of payload from offset. QoS 0 or 1.</summary>
        LinkResult Publish(string topic, byte[] payload, int offset, int count, int qos);

        /// <summary>Processes incoming data for at most timeoutMs: queues received messages and raises <see cref="Lost"/>.</summary>
        void Poll(int timeoutMs);

        /// <summary>Takes the oldest received message (the payload array is the caller's); false when none waits.</summary>
        bool TryTakeMessage(out string topic, out byte[] payload);

        /// <summary>Closes the session politely if possible; never throws. Messages already received stay to be taken.</summary>
        void Disconnect();

        event LinkLostHandler Lost;
    }
}
