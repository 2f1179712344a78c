namespace StmNode.Mqtt
{
    /// <summary>CONNECT: its length, the checks of its fields and the packet itself.</summary>
    public static partial class MqttEncoder
    {
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
    }
}
