namespace StmNode.Mqtt
{
    /// <summary>
    /// Writes MQTT 3.1.1 client packets into caller-owned buffers without allocating. Every method returns the number
    /// of bytes written, or 0 with a typed error when an argument is invalid or the buffer is too small (the buffer
    /// content is then unspecified).
    /// </summary>
    public static class MqttEncoder
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

        /// <summary>Total length of the CONNECT packet, or 0 with an error when a field is invalid.</summary>
        public static int ConnectLength(MqttConnectPacket packet, out MqttError error)
        {
            int remaining = ConnectRemainingLength(packet, out error);
            return remaining < 0 ? 0 : 1 + RemainingLengthSize(remaining) + remaining;
        }

        /// <summary>Writes CONNECT (protocol name "MQTT", level 4) with the flags the packet's fields imply.</summary>
        public static int Connect(byte[] buffer, int offset, MqttConnectPacket packet, out MqttError error)
        {
            int remaining = ConnectRemainingLength(packet, out error);
            if (remaining < 0 || !Fits(buffer, offset, 1 + RemainingLengthSize(remaining) + remaining, out error))
            {
                return 0;
            }

            int flags = packet.CleanSession ? 0x02 : 0;
            if (packet.Username != null)
            {
                flags |= 0x80;
            }

            if (packet.Password != null)
            {
                flags |= 0x40;
            }

            if (packet.WillTopic != null)
            {
                flags |= 0x04 | (packet.WillQos << 3) | (packet.WillRetain ? 0x20 : 0);
            }

            int p = offset;
            buffer[p++] = 0x10;
            p += WriteRemainingLength(buffer, p, remaining);
            buffer[p++] = 0x00;
            buffer[p++] = 0x04;
            buffer[p++] = (byte)'M';
            buffer[p++] = (byte)'Q';
            buffer[p++] = (byte)'T';
            buffer[p++] = (byte)'T';
            buffer[p++] = 0x04;
            buffer[p++] = (byte)flags;
            p = WriteUInt16(buffer, p, packet.KeepAliveSeconds);
            p = WriteString(buffer, p, packet.ClientId);
            if (packet.WillTopic != null)
            {
                p = WriteString(buffer, p, packet.WillTopic);
                int willCount = packet.WillPayload == null ? 0 : packet.WillPayload.Length;
                p = WriteUInt16(buffer, p, willCount);
                for (int i = 0; i < willCount; i++)
                {
                    buffer[p++] = packet.WillPayload[i];
                }
            }

            if (packet.Username != null)
            {
                p = WriteString(buffer, p, packet.Username);
            }

            if (packet.Password != null)
            {
                p = WriteString(buffer, p, packet.Password);
            }

            return p - offset;
        }

        /// <summary>
        /// Writes the PUBLISH fixed header, topic and (QoS &gt; 0) packet id for a payload of payloadCount bytes that
        /// the caller sends right after, so a large payload never has to be copied. Returns the header length.
        /// </summary>
        public static int PublishHeader(byte[] buffer, int offset, string topic, int payloadCount, int qos, bool dup, bool retain, int packetId, out MqttError error)
        {
            error = MqttTopic.CheckName(topic);
            if (error != MqttError.None)
            {
                return 0;
            }

            if (qos < 0 || qos > 2)
            {
                error = MqttError.InvalidQos;
                return 0;
            }

            // DUP must be 0 for QoS 0 [MQTT-3.3.1-2]; QoS > 0 needs a non-zero 16-bit packet id.
            if (payloadCount < 0 || (qos == 0 && (dup || packetId != 0)) || (qos > 0 && (packetId < 1 || packetId > 65535)))
            {
                error = qos > 0 && packetId == 0 ? MqttError.ZeroPacketId : MqttError.InvalidArgument;
                return 0;
            }

            int topicBytes = MqttUtf8.ByteCount(topic);
            int variable = 2 + topicBytes + (qos > 0 ? 2 : 0);
            if (payloadCount > MaxRemainingLength - variable)
            {
                error = MqttError.InvalidArgument;
                return 0;
            }

            int remaining = variable + payloadCount;
            int headerLength = 1 + RemainingLengthSize(remaining) + variable;
            if (!Fits(buffer, offset, headerLength, out error))
            {
                return 0;
            }

            int p = offset;
            buffer[p++] = (byte)(0x30 | (dup ? 0x08 : 0) | (qos << 1) | (retain ? 0x01 : 0));
            p += WriteRemainingLength(buffer, p, remaining);
            p = WriteUInt16(buffer, p, topicBytes);
            p += MqttUtf8.Write(topic, buffer, p);
            if (qos > 0)
            {
                p = WriteUInt16(buffer, p, packetId);
            }

            return p - offset;
        }

        /// <summary>Writes a whole PUBLISH: header as <see cref="PublishHeader"/>, then a copy of the payload.</summary>
        public static int Publish(byte[] buffer, int offset, string topic, byte[] payload, int payloadOffset, int payloadCount, int qos, bool dup, bool retain, int packetId, out MqttError error)
        {
            if (payloadCount < 0 || payloadOffset < 0 || (payloadCount > 0 && (payload == null || payloadOffset > payload.Length - payloadCount)))
            {
                error = MqttError.InvalidArgument;
                return 0;
            }

            int header = PublishHeader(buffer, offset, topic, payloadCount, qos, dup, retain, packetId, out error);
            if (header == 0)
            {
                return 0;
            }

            if (!Fits(buffer, offset, header + payloadCount, out error))
            {
                return 0;
            }

            for (int i = 0; i < payloadCount; i++)
            {
                buffer[offset + header + i] = payload[payloadOffset + i];
            }

            return header + payloadCount;
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

        private static int ConnectRemainingLength(MqttConnectPacket packet, out MqttError error)
        {
            error = MqttError.InvalidArgument;
            if (packet == null || packet.ClientId == null || packet.KeepAliveSeconds < 0 || packet.KeepAliveSeconds > 65535)
            {
                return -1;
            }

            // An empty client id asks the server to assign one, allowed only with a clean session [MQTT-3.1.3-7];
            // a password needs a user name [MQTT-3.1.2-22].
            if ((packet.ClientId.Length == 0 && !packet.CleanSession) || (packet.Password != null && packet.Username == null))
            {
                return -1;
            }

            bool will = packet.WillTopic != null;
            if (!will && (packet.WillRetain || packet.WillQos != 0 || packet.WillPayload != null))
            {
                return -1;
            }

            int remaining = 10;
            int size = StringSize(packet.ClientId, false, out error);
            if (size < 0)
            {
                return -1;
            }

            remaining += size;
            if (will)
            {
                if (packet.WillQos < 0 || packet.WillQos > 2)
                {
                    error = MqttError.InvalidQos;
                    return -1;
                }

                error = MqttTopic.CheckName(packet.WillTopic);
                if (error != MqttError.None)
                {
                    return -1;
                }

                int willCount = packet.WillPayload == null ? 0 : packet.WillPayload.Length;
                if (willCount > MqttTopic.MaxLength)
                {
                    error = MqttError.StringTooLong;
                    return -1;
                }

                remaining += 2 + MqttUtf8.ByteCount(packet.WillTopic) + 2 + willCount;
            }

            if (packet.Username != null)
            {
                size = StringSize(packet.Username, false, out error);
                if (size < 0)
                {
                    return -1;
                }

                remaining += size;
            }

            if (packet.Password != null)
            {
                // The password is binary data: U+0000 is allowed there, only length and encodability matter.
                size = StringSize(packet.Password, true, out error);
                if (size < 0)
                {
                    return -1;
                }

                remaining += size;
            }

            error = MqttError.None;
            return remaining;
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
