namespace StmNode.Mqtt
{
    /// <summary>SUBSCRIBE and UNSUBSCRIBE: topic filter lists, their lengths and packets.</summary>
    public static partial class MqttEncoder
    {
        /// <summary>Total length of a SUBSCRIBE for these filters, or 0 with an error.</summary>
        public static int SubscribeLength(string[] filters, int[] qos, out MqttError error)
        {
            int remaining = FiltersLength(filters, qos, true, out error);
            return remaining < 0 ? 0 : 1 + RemainingLengthSize(remaining) + remaining;
        }

        /// <summary>SUBSCRIBE <c>82 RL id (filter qos)+</c>; filters and qos are parallel arrays of at least one entry.</summary>
        public static int Subscribe(byte[] buffer, int offset, int packetId, string[] filters, int[] qos, out MqttError error)
        {
            return Filters(buffer, offset, 0x82, packetId, filters, qos, out error);
        }

        /// <summary>Total length of an UNSUBSCRIBE for these filters, or 0 with an error.</summary>
        public static int UnsubscribeLength(string[] filters, out MqttError error)
        {
            int remaining = FiltersLength(filters, null, false, out error);
            return remaining < 0 ? 0 : 1 + RemainingLengthSize(remaining) + remaining;
        }

        /// <summary>UNSUBSCRIBE <c>A2 RL id filter+</c>.</summary>
        public static int Unsubscribe(byte[] buffer, int offset, int packetId, string[] filters, out MqttError error)
        {
            return Filters(buffer, offset, 0xA2, packetId, filters, null, out error);
        }

        private static int FiltersLength(string[] filters, int[] qos, bool withQos, out MqttError error)
        {
            if (filters == null || filters.Length == 0 || (withQos && (qos == null || qos.Length != filters.Length)))
            {
                error = MqttError.InvalidArgument;
                return -1;
            }

            int remaining = 2;
            for (int i = 0; i < filters.Length; i++)
            {
                error = MqttTopic.CheckFilter(filters[i]);
                if (error != MqttError.None)
                {
                    return -1;
                }

                if (withQos && (qos[i] < 0 || qos[i] > 2))
                {
                    error = MqttError.InvalidQos;
                    return -1;
                }

                remaining += 2 + MqttUtf8.ByteCount(filters[i]) + (withQos ? 1 : 0);
                if (remaining > MaxRemainingLength)
                {
                    error = MqttError.InvalidArgument;
                    return -1;
                }
            }

            error = MqttError.None;
            return remaining;
        }

        private static int Filters(byte[] buffer, int offset, int firstByte, int packetId, string[] filters, int[] qos, out MqttError error)
        {
            if (packetId < 1 || packetId > 65535)
            {
                error = packetId == 0 ? MqttError.ZeroPacketId : MqttError.InvalidArgument;
                return 0;
            }

            bool withQos = firstByte == 0x82;
            int remaining = FiltersLength(filters, qos, withQos, out error);
            if (remaining < 0 || !Fits(buffer, offset, 1 + RemainingLengthSize(remaining) + remaining, out error))
            {
                return 0;
            }

            int p = offset;
            buffer[p++] = (byte)firstByte;
            p += WriteRemainingLength(buffer, p, remaining);
            p = WriteUInt16(buffer, p, packetId);
            for (int i = 0; i < filters.Length; i++)
            {
                p = WriteString(buffer, p, filters[i]);
                if (withQos)
                {
                    buffer[p++] = (byte)qos[i];
                }
            }

            return p - offset;
        }
    }
}
