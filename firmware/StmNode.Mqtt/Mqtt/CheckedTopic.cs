namespace StmNode.Mqtt
{
    /// <summary>A topic name that passed MqttTopic.CheckName, with its UTF-8 length.</summary>
    internal sealed class CheckedTopic
    {
        public CheckedTopic(string topic, int byteCount)
        {
            Topic = topic;
            ByteCount = byteCount;
        }

        public string Topic { get; }

        public int ByteCount { get; }
    }
}
