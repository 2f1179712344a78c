namespace StmNode.Ports
{
    /// <summary>A message arrived on a subscribed topic. The payload bytes are valid only during the call.</summary>
    public delegate void MqttMessageHandler(string topic, byte[] payload, int offset, int count);
}
