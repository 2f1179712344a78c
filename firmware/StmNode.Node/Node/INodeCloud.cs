using StmNode.Ports;

namespace StmNode.Node
{
    /// <summary>
    /// What the node needs from a cloud profile: credentials, the topics to subscribe, decoding of what arrives and
    /// encoding of what it sends. The node decides what to say; the profile decides how it looks on the wire.
    /// </summary>
    public interface INodeCloud
    {
        /// <summary>Topic filters the node needs; each link is given them once and subscribes them in every new session.</summary>
        string[] Subscriptions { get; }

        /// <summary>
        /// Fills host, port, TLS, client id, user name and password for a connect now. False with a secret-free reason
        /// when the credentials cannot be used.
        /// </summary>
        bool FillConnectOptions(MqttConnectOptions options, out string error);

        /// <summary>Decodes a received message into <paramref name="downlink"/> (reset first); never throws on garbage.</summary>
        void Decode(string topic, byte[] payload, int offset, int count, NodeDownlink downlink);

        /// <summary>The encoded report, or null when it cannot be encoded (too large, bad value).</summary>
        CloudMessage EncodeReport(NodeReport report);

        CloudMessage EncodeCommandResponse(string requestId, CommandReply reply);

        CloudMessage EncodeSetResponse(string requestId, int resultCode, string description);

        CloudMessage EncodeGetResponse(string requestId, NodeReport report);

        /// <summary>A time sync request carrying the device's send time in milliseconds since 1970; null when the cloud has none.</summary>
        CloudMessage EncodeTimeSyncRequest(long deviceSendMs);
    }
}
