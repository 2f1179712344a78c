using StmNode.Ports;

namespace StmNode.Mqtt
{
    /// <summary>Receiving: packets decoded from the stream, awaited acknowledgements, and what arrives unasked (messages, their QoS handshakes, ping answers).</summary>
    public sealed partial class StreamMqttLink
    {
        /// <summary>Waits up to ResponseTimeoutMs for this packet type and id, handling whatever else arrives.</summary>
        private int WaitFor(MqttPacketType type, int packetId)
        {
            long deadline = _clock.UptimeMs + ResponseTimeoutMs;
            while (true)
            {
                int read = ReadPacket(deadline);
                if (read != ReadGotPacket)
                {
                    return read;
                }

                if (_decoder.PacketType == type && _decoder.PacketId == packetId)
                {
                    return ReadGotPacket;
                }

                // Answering a message that arrived meanwhile (PUBACK, PUBCOMP) may find the link dead.
                Dispatch();
                if (!_connected)
                {
                    return ReadLinkLost;
                }
            }
        }

        /// <summary>Feeds buffered bytes to the decoder until a packet is whole, reading more until the deadline.</summary>
        private int ReadPacket(long deadline)
        {
            while (true)
            {
                while (_rxStart < _rxEnd)
                {
                    MqttDecodeStatus status = _decoder.Push(_rx[_rxStart++]);
                    if (status == MqttDecodeStatus.PacketReady)
                    {
                        return ReadGotPacket;
                    }

                    if (status == MqttDecodeStatus.PacketSkipped)
                    {
                        DropOversized();
                        continue;
                    }

                    if (status == MqttDecodeStatus.Error)
                    {
                        LoseLink("protocol error: " + MqttErrorText.Of(_decoder.Error) + " at byte " + _decoder.ErrorPosition.ToString() + " of a packet (" + _decoder.ErrorDetail + ")");
                        return ReadLinkLost;
                    }
                }

                long wait = deadline - _clock.UptimeMs;
                if (wait < 0)
                {
                    return ReadTimedOut;
                }

                int n = _line.Read(_rx, 0, _rx.Length, wait > int.MaxValue ? int.MaxValue : (int)wait);
                if (n < 0)
                {
                    LoseLink("connection closed by the peer");
                    return ReadLinkLost;
                }

                _rxStart = 0;
                _rxEnd = n;
                if (n == 0 && _clock.UptimeMs >= deadline)
                {
                    return ReadTimedOut;
                }
            }
        }

        /// <summary>Handles a packet nobody waits for: incoming messages, their QoS handshakes, ping answers.</summary>
        private void Dispatch()
        {
            MqttError error;
            int length;
            switch (_decoder.PacketType)
            {
                case MqttPacketType.Publish:
                    int qos = _decoder.Qos;
                    if (qos > 0 && _inbox.IsFull)
                    {
                        // Unacknowledged, the broker may send it again (at the latest with a resumed session).
                        _inbox.Refuse(_decoder.Topic);
                        return;
                    }

                    _inbox.Add(_decoder.Topic, _decoder.Buffer, _decoder.PayloadOffset, _decoder.PayloadCount);
                    if (qos > 0)
                    {
                        length = qos == 1
                            ? MqttEncoder.PubAck(_tx, 0, _decoder.PacketId, out error)
                            : MqttEncoder.PubRec(_tx, 0, _decoder.PacketId, out error);
                        Send(_tx, 0, length);
                    }

                    break;
                case MqttPacketType.PubRel:
                    length = MqttEncoder.PubComp(_tx, 0, _decoder.PacketId, out error);
                    Send(_tx, 0, length);
                    break;
                case MqttPacketType.PingResp:
                    _pingSentMs = -1;
                    break;
                default:
                    // A late PUBACK/SUBACK after a timeout, or a stray acknowledgement: harmless.
                    if (_log.IsEnabled(LogLevel.Debug))
                    {
                        _log.Write(LogLevel.Debug, Source, "ignored packet type " + ((int)_decoder.PacketType).ToString() + " id " + _decoder.PacketId.ToString());
                    }

                    break;
            }
        }

        /// <summary>
        /// An incoming message was larger than the receive buffer. It is acknowledged anyway, so the broker does not
        /// redeliver it after every reconnect; it is lost, which the log says.
        /// </summary>
        private void DropOversized()
        {
            _log.Write(LogLevel.Warning, Source, "dropped a " + _decoder.SkippedLength.ToString() + "-byte message on '" + _decoder.Topic + "': larger than " + _decoder.MaxPacketSize.ToString() + " bytes");
            if (_decoder.Qos > 0 && _decoder.PacketId != 0)
            {
                MqttError error;
                int length = _decoder.Qos == 1
                    ? MqttEncoder.PubAck(_tx, 0, _decoder.PacketId, out error)
                    : MqttEncoder.PubRec(_tx, 0, _decoder.PacketId, out error);
                Send(_tx, 0, length);
            }
        }
    }
}
