namespace StmNode.Mqtt
{
    /// <summary>PUBLISH: the header for a payload sent separately, or the whole packet with a copy of the payload.</summary>
    public static partial class MqttEncoder
    {
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
    }
}
