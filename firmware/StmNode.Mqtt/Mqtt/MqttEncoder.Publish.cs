// nano-hot: runs for every byte, line or report; the guard (PortabilityScanner) keeps StartsWith and text[i] loops out.
using System;

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
            int topicBytes = CheckedTopicBytes(topic, out error);
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
        // The topic last checked: a node publishes to the same few topic strings, and on nanoFramework checking one
        // (a loop over its characters) costs more than the rest of the PUBLISH. Strings are immutable, so the same
        // reference is the same topic; one object holds both values so that a thread never sees half of an update.
        private static CheckedTopic _lastTopic;

        private static int CheckedTopicBytes(string topic, out MqttError error)
        {
            CheckedTopic last = _lastTopic;
            if (last != null && (object)last.Topic == (object)topic)
            {
                error = MqttError.None;
                return last.ByteCount;
            }

            error = MqttTopic.CheckName(topic);
            if (error != MqttError.None)
            {
                return 0;
            }

            int bytes = MqttUtf8.ByteCount(topic);
            _lastTopic = new CheckedTopic(topic, bytes);
            return bytes;
        }

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

            if (payloadCount > 0)
            {
                Array.Copy(payload, payloadOffset, buffer, offset + header, payloadCount);
            }

            return header + payloadCount;
        }
    }
}
