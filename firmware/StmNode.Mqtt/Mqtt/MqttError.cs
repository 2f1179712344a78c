namespace StmNode.Mqtt
{
    /// <summary>Why the codec refused bytes or arguments. Bad input is reported with one of these, never thrown.</summary>
    public enum MqttError
    {
        None = 0,
        /// <summary>Packet type 0 or 15, which MQTT 3.1.1 reserves.</summary>
        ReservedPacketType = 1,
        /// <summary>A packet only a client may send (CONNECT, SUBSCRIBE, …) arrived from the server.</summary>
        UnexpectedPacketType = 2,
        /// <summary>The fixed-header flag bits differ from the values the packet type requires [MQTT-2.2.2-1/2].</summary>
        InvalidFlags = 3,
        /// <summary>A PUBLISH with both QoS bits set [MQTT-3.3.1-4], or a QoS argument outside 0..2.</summary>
        InvalidQos = 4,
        /// <summary>The remaining-length varint still had its continuation bit set on the 4th byte.</summary>
        RemainingLengthTooLong = 5,
        /// <summary>The packet is larger than the configured maximum packet size.</summary>
        PacketTooLarge = 6,
        /// <summary>The remaining length does not fit the packet type (e.g. a PUBACK that is not 2 bytes).</summary>
        InvalidLength = 7,
        /// <summary>A packet identifier of 0 where a non-zero one is required [MQTT-2.3.1-1].</summary>
        ZeroPacketId = 8,
        /// <summary>Reserved bits set in the CONNACK acknowledge flags, or Session Present with a refusal code.</summary>
        InvalidConnackFlags = 9,
        /// <summary>A SUBACK return code other than 0x00, 0x01, 0x02 or 0x80 [MQTT-3.9.3-2].</summary>
        InvalidSubackCode = 10,
        /// <summary>An empty topic name or filter (at least one character is required).</summary>
        EmptyTopic = 11,
        /// <summary>A topic or string longer than 65535 UTF-8 bytes.</summary>
        StringTooLong = 12,
        /// <summary>Bytes that are not well-formed UTF-8, or a string with a lone surrogate.</summary>
        InvalidUtf8 = 13,
        /// <summary>U+0000 inside a string [MQTT-1.5.3-2].</summary>
        NullCharacter = 14,
        /// <summary>A '+' or '#' inside a topic name [MQTT-4.7.1-1].</summary>
        WildcardInTopicName = 15,
        /// <summary>A '#' that is not last and alone in its level, or a '+' that is not a whole level.</summary>
        InvalidWildcard = 16,
        /// <summary>The caller's buffer is too small for the packet.</summary>
        BufferTooSmall = 17,
        /// <summary>An argument outside its range (packet id, keep-alive, counts, missing client id).</summary>
        InvalidArgument = 18
    }
}
