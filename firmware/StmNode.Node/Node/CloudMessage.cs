namespace StmNode.Node
{
    /// <summary>An encoded message ready to publish: topic and payload bytes.</summary>
    public sealed class CloudMessage
    {
        public CloudMessage(string topic, byte[] payload)
        {
            Topic = topic;
            Payload = payload;
        }

        public string Topic { get; private set; }

        public byte[] Payload { get; private set; }
    }
}
