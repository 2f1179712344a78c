namespace StmNode.Mqtt
{
    /// <summary>What <see cref="MqttDecoder.Push"/> made of one more byte.</summary>
    public enum MqttDecodeStatus
    {
        /// <summary>The packet is not complete yet.</summary>
        NeedMore = 0,
        /// <summary>A whole, valid packet is ready; read it from the decoder before pushing the next byte.</summary>
        PacketReady = 1,
        /// <summary>The stream is malformed; see the decoder's Error, ErrorPosition and ErrorDetail. Reset to reuse it.</summary>
        Error = 2,
        /// <summary>
        /// A PUBLISH larger than the maximum packet size was read and dropped; PacketType, Qos, SkippedLength and,
        /// when they could be read, Topic and PacketId are set (no payload). The stream stays usable.
        /// </summary>
        PacketSkipped = 3
    }
}
