namespace StmNode.Mqtt
{
    /// <summary>
    /// Writes MQTT 3.1.1 client packets into caller-owned buffers without allocating. Every method returns the number
    /// of bytes written, or 0 with a typed error when an argument is invalid or the buffer is too small (the buffer
    /// content is then unspecified).
    /// </summary>
    public static partial class MqttEncoder
    {
        /// <summary>Largest remaining length MQTT can express (FF FF FF 7F).</summary>
        public const int MaxRemainingLength = 268435455;

        /// <summary>Largest PUBLISH header this encoder writes besides the topic: first byte, 4-byte varint, topic length, packet id.</summary>
        public const int PublishHeaderOverhead = 9;

        /// <summary>Bytes needed for a remaining-length varint: 1..4, or 0 when the value is out of range.</summary>
        public static int RemainingLengthSize(int value)
        {
            if (value < 0 || value > MaxRemainingLength)
            {
                return 0;
            }

            return value < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : 4;
        }

        /// <summary>Writes the remaining-length varint (7 bits per byte, least significant first); returns its size.</summary>
        public static int WriteRemainingLength(byte[] buffer, int offset, int value)
        {
            int start = offset;
            do
            {
                int digit = value & 0x7F;
                value >>= 7;
                buffer[offset++] = (byte)(value > 0 ? digit | 0x80 : digit);
            }
            while (value > 0);

            return offset - start;
        }

        /// <summary>PUBACK <c>40 02 id</c>: the answer to a received QoS 1 PUBLISH.</summary>
        public static int PubAck(byte[] buffer, int offset, int packetId, out MqttError error)
        {
            return Ack(buffer, offset, 0x40, packetId, out error);
        }

        /// <summary>PUBREC <c>50 02 id</c>: first answer to a received QoS 2 PUBLISH.</summary>
        public static int PubRec(byte[] buffer, int offset, int packetId, out MqttError error)
        {
            return Ack(buffer, offset, 0x50, packetId, out error);
        }

        /// <summary>PUBREL <c>62 02 id</c> (flags 0010 are mandatory [MQTT-3.6.1-1]).</summary>
        public static int PubRel(byte[] buffer, int offset, int packetId, out MqttError error)
        {
            return Ack(buffer, offset, 0x62, packetId, out error);
        }

        /// <summary>PUBCOMP <c>70 02 id</c>: the answer to a received PUBREL.</summary>
        public static int PubComp(byte[] buffer, int offset, int packetId, out MqttError error)
        {
            return Ack(buffer, offset, 0x70, packetId, out error);
        }

        /// <summary>PINGREQ <c>C0 00</c>.</summary>
        public static int PingReq(byte[] buffer, int offset, out MqttError error)
        {
            return Empty(buffer, offset, 0xC0, out error);
        }

        /// <summary>DISCONNECT <c>E0 00</c>.</summary>
        public static int Disconnect(byte[] buffer, int offset, out MqttError error)
        {
            return Empty(buffer, offset, 0xE0, out error);
        }

        private static int Ack(byte[] buffer, int offset, int firstByte, int packetId, out MqttError error)
        {
            if (packetId < 1 || packetId > 65535)
            {
                error = packetId == 0 ? MqttError.ZeroPacketId : MqttError.InvalidArgument;
                return 0;
            }

            if (!Fits(buffer, offset, 4, out error))
            {
                return 0;
            }

            buffer[offset] = (byte)firstByte;
            buffer[offset + 1] = 0x02;
            WriteUInt16(buffer, offset + 2, packetId);
            return 4;
        }

        private static int Empty(byte[] buffer, int offset, int firstByte, out MqttError error)
        {
            if (!Fits(buffer, offset, 2, out error))
            {
                return 0;
            }

            buffer[offset] = (byte)firstByte;
            buffer[offset + 1] = 0x00;
            return 2;
        }

        private static bool Fits(byte[] buffer, int offset, int total, out MqttError error)
        {
            if (buffer == null || offset < 0 || offset > buffer.Length || buffer.Length - offset < total)
            {
                error = MqttError.BufferTooSmall;
                return false;
            }

            error = MqttError.None;
            return true;
        }

        /// <summary>Length-prefixed size of a string, or -1 with an error.</summary>
        private static int StringSize(string text, bool binary, out MqttError error)
        {
            if (!binary && text.IndexOf('\0') >= 0)
            {
                error = MqttError.NullCharacter;
                return -1;
            }

            int bytes = MqttUtf8.ByteCount(text);
            if (bytes < 0 || bytes > MqttTopic.MaxLength)
            {
                error = bytes < 0 ? MqttError.InvalidUtf8 : MqttError.StringTooLong;
                return -1;
            }

            error = MqttError.None;
            return 2 + bytes;
        }

        private static int WriteString(byte[] buffer, int offset, string text)
        {
            int length = MqttUtf8.Write(text, buffer, offset + 2);
            WriteUInt16(buffer, offset, length);
            return offset + 2 + length;
        }

        private static int WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)(value >> 8);
            buffer[offset + 1] = (byte)value;
            return offset + 2;
        }
    }
}
