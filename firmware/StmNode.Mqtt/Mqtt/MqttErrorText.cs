namespace StmNode.Mqtt
{
    /// <summary>Names for <see cref="MqttError"/> in logs: Enum.ToString() gives only the number on nanoFramework.</summary>
    public static class MqttErrorText
    {
        public static string Of(MqttError error)
        {
            switch (error)
            {
                case MqttError.None: return "none";
                case MqttError.ReservedPacketType: return "reserved packet type";
                case MqttError.UnexpectedPacketType: return "client-only packet type from server";
                case MqttError.InvalidFlags: return "invalid fixed-header flags";
                case MqttError.InvalidQos: return "invalid QoS";
                case MqttError.RemainingLengthTooLong: return "remaining length longer than 4 bytes";
                case MqttError.PacketTooLarge: return "packet larger than the maximum size";
                case MqttError.InvalidLength: return "remaining length invalid for the packet type";
                case MqttError.ZeroPacketId: return "packet identifier 0";
                case MqttError.InvalidConnackFlags: return "invalid CONNACK flags";
                case MqttError.InvalidSubackCode: return "invalid SUBACK return code";
                case MqttError.EmptyTopic: return "empty topic";
                case MqttError.StringTooLong: return "string longer than 65535 bytes";
                case MqttError.InvalidUtf8: return "malformed UTF-8";
                case MqttError.NullCharacter: return "U+0000 in string";
                case MqttError.WildcardInTopicName: return "wildcard in topic name";
                case MqttError.InvalidWildcard: return "misplaced wildcard in topic filter";
                case MqttError.BufferTooSmall: return "buffer too small";
                case MqttError.InvalidArgument: return "invalid argument";
                default: return "error " + ((int)error).ToString();
            }
        }
    }
}
