using System.Text;

namespace StmNode.Mqtt
{
    /// <summary>The body of a whole packet: CONNACK, PUBLISH (also a dropped oversized one), acknowledgements and SUBACK codes.</summary>
    public sealed partial class MqttDecoder
    {
        private MqttDecodeStatus Complete()
        {
            int bodyStart = 1 + _lengthBytes;
            switch (PacketType)
            {
                case MqttPacketType.ConnAck:
                    int ackFlags = _body[0];
                    ConnAckCode = _body[1];
                    SessionPresent = (ackFlags & 0x01) != 0;
                    if ((ackFlags & 0xFE) != 0 || (SessionPresent && ConnAckCode != 0))
                    {
                        return Fail(MqttError.InvalidConnackFlags, bodyStart, "acknowledge flags 0x" + ackFlags.ToString("X2") + " with code " + ConnAckCode.ToString());
                    }

                    break;
                case MqttPacketType.Publish:
                    MqttDecodeStatus status = CompletePublish(bodyStart);
                    if (status != MqttDecodeStatus.PacketReady)
                    {
                        return status;
                    }

                    break;
                case MqttPacketType.PingResp:
                    break;
                default:
                    PacketId = (_body[0] << 8) | _body[1];
                    if (PacketId == 0)
                    {
                        return Fail(MqttError.ZeroPacketId, bodyStart, Name((int)PacketType) + " with packet id 0");
                    }

                    if (PacketType == MqttPacketType.SubAck)
                    {
                        SubAckCodeCount = _remainingLength - 2;
                        for (int i = 0; i < SubAckCodeCount; i++)
                        {
                            int code = _body[2 + i];
                            if (code != 0x00 && code != 0x01 && code != 0x02 && code != 0x80)
                            {
                                return Fail(MqttError.InvalidSubackCode, bodyStart + 2 + i, "SUBACK code 0x" + code.ToString("X2"));
                            }
                        }
                    }

                    break;
            }

            _state = StateReady;
            return MqttDecodeStatus.PacketReady;
        }

        /// <summary>
        /// Ends a dropped oversized PUBLISH: its topic and packet id are reported when they were inside the kept
        /// start of the packet and valid, so a QoS 1/2 message can still be acknowledged; the payload is gone.
        /// </summary>
        private MqttDecodeStatus CompleteSkipped()
        {
            _state = StateReady;
            int topicLength = (_body[0] << 8) | _body[1];
            int idLength = Qos > 0 ? 2 : 0;
            int badIndex;
            if (2 + topicLength + idLength <= _body.Length
                && 2 + topicLength + idLength <= _remainingLength
                && MqttTopic.CheckName(_body, 2, topicLength, out badIndex) == MqttError.None)
            {
                Topic = Encoding.UTF8.GetString(_body, 2, topicLength);
                if (idLength > 0)
                {
                    PacketId = (_body[2 + topicLength] << 8) | _body[3 + topicLength];
                }
            }

            return MqttDecodeStatus.PacketSkipped;
        }

        private MqttDecodeStatus CompletePublish(int bodyStart)
        {
            int topicLength = (_body[0] << 8) | _body[1];
            int idLength = Qos > 0 ? 2 : 0;
            if (2 + topicLength + idLength > _remainingLength)
            {
                return Fail(MqttError.InvalidLength, bodyStart, "PUBLISH topic length " + topicLength.ToString() + " beyond remaining length " + _remainingLength.ToString());
            }

            int badIndex;
            MqttError topicError = MqttTopic.CheckName(_body, 2, topicLength, out badIndex);
            if (topicError != MqttError.None)
            {
                return Fail(topicError, bodyStart + badIndex, "PUBLISH topic: " + MqttErrorText.Of(topicError));
            }

            int p = 2 + topicLength;
            if (idLength > 0)
            {
                PacketId = (_body[p] << 8) | _body[p + 1];
                if (PacketId == 0)
                {
                    return Fail(MqttError.ZeroPacketId, bodyStart + p, "PUBLISH QoS " + Qos.ToString() + " with packet id 0");
                }

                p += 2;
            }

            Topic = Encoding.UTF8.GetString(_body, 2, topicLength);
            PayloadOffset = p;
            PayloadCount = _remainingLength - p;
            return MqttDecodeStatus.PacketReady;
        }
    }
}
