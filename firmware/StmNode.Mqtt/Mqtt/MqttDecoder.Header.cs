namespace StmNode.Mqtt
{
    /// <summary>The fixed header: packet type and flags checked, the remaining length read and checked against the type and the maximum size.</summary>
    public sealed partial class MqttDecoder
    {
        private MqttDecodeStatus StartPacket(byte value)
        {
            int type = value >> 4;
            int flags = value & 0x0F;
            _firstByte = value;
            PacketType = (MqttPacketType)type;
            switch (type)
            {
                case 0:
                case 15:
                    return Fail(MqttError.ReservedPacketType, 0, "packet type " + type.ToString());
                case 1:
                case 8:
                case 10:
                case 12:
                case 14:
                    return Fail(MqttError.UnexpectedPacketType, 0, Name(type) + " is sent by clients only");
                case 3:
                    if ((flags & 0x06) == 0x06)
                    {
                        return Fail(MqttError.InvalidQos, 0, "PUBLISH with QoS 3");
                    }

                    break;
                default:
                    // PUBREL must carry 0010, every other server packet 0000 [MQTT-2.2.2-1/2].
                    int expected = type == 6 ? 0x02 : 0x00;
                    if (flags != expected)
                    {
                        return Fail(MqttError.InvalidFlags, 0, Name(type) + " flags 0x" + flags.ToString("X2"));
                    }

                    break;
            }

            _state = StateLength;
            return MqttDecodeStatus.NeedMore;
        }

        private MqttDecodeStatus ReadLength(byte value, int position)
        {
            _remainingLength |= (value & 0x7F) << (7 * _lengthBytes);
            _lengthBytes++;
            if ((value & 0x80) != 0)
            {
                if (_lengthBytes == 4)
                {
                    return Fail(MqttError.RemainingLengthTooLong, position, "continuation bit set on the 4th length byte");
                }

                return MqttDecodeStatus.NeedMore;
            }

            int total = 1 + _lengthBytes + _remainingLength;
            if (total > _maxPacketSize && PacketType == MqttPacketType.Publish && LengthFits())
            {
                _skipping = true;
                SkippedLength = total;
                _state = StateBody;
                return MqttDecodeStatus.NeedMore;
            }

            if (total > _maxPacketSize)
            {
                return Fail(MqttError.PacketTooLarge, position, Name((int)PacketType) + " of " + total.ToString() + " bytes, maximum " + _maxPacketSize.ToString());
            }

            if (!LengthFits())
            {
                return Fail(MqttError.InvalidLength, position, Name((int)PacketType) + " with remaining length " + _remainingLength.ToString());
            }

            if (_remainingLength == 0)
            {
                return Complete();
            }

            _state = StateBody;
            return MqttDecodeStatus.NeedMore;
        }

        /// <summary>Rejects impossible lengths as soon as they are known, before waiting for the body.</summary>
        private bool LengthFits()
        {
            switch (PacketType)
            {
                case MqttPacketType.PingResp:
                    return _remainingLength == 0;
                case MqttPacketType.SubAck:
                    return _remainingLength >= 3;
                case MqttPacketType.Publish:
                    // Topic length (2) + at least one topic byte, + packet id for QoS > 0.
                    return _remainingLength >= (Qos > 0 ? 5 : 3);
                default:
                    return _remainingLength == 2;
            }
        }
    }
}
