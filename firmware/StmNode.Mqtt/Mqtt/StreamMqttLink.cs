using StmNode.Ports;

namespace StmNode.Mqtt
{
    /// <summary>
    /// Core's own MQTT 3.1.1 client: an <see cref="IMqttLink"/> over any byte stream an <see cref="IStreamConnector"/>
    /// opens (a TCP socket on a PC, a modem's transparent socket). QoS 0 and 1 out, QoS 0/1/2 in, keep-alive pings,
    /// and every wait bounded in the <see cref="IClock"/>'s time. Single-threaded: call it from one thread only.
    /// </summary>
    public sealed class StreamMqttLink : IMqttLink
    {
        private const string Source = "MQTT";
        private const int ReadGotPacket = 0;
        private const int ReadTimedOut = 1;
        private const int ReadLinkLost = 2;

        private readonly IStreamConnector _connector;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly string _kind;
        private readonly MqttDecoder _decoder;
        private readonly MqttPacketIdSequence _packetIds = new MqttPacketIdSequence();
        private readonly byte[] _rx = new byte[256];
        private readonly MqttInbox _inbox;
        private readonly MqttSubscriptions _subscriptions = new MqttSubscriptions();
        private byte[] _tx = new byte[128];
        private int _rxStart;
        private int _rxEnd;
        private IByteStream _line;
        private bool _connected;
        private string _lastError;
        private string _lostReason;
        private long _keepAliveMs;
        private long _lastSentMs;
        private long _pingSentMs = -1;
        private string _sessionKey;

        /// <summary>
        /// kind names the transport in logs ("tcp", "ec20-socket"); maxPacketSize bounds every received packet (the
        /// receive buffer is allocated once, here).
        /// </summary>
        public StreamMqttLink(IStreamConnector connector, IClock clock, ILog log, string kind, int maxPacketSize)
        {
            _connector = connector;
            _clock = clock;
            _log = log;
            _kind = kind;
            _decoder = new MqttDecoder(maxPacketSize);
            _inbox = new MqttInbox(8, log, Source);
            OpenTimeoutMs = 15000;
            ResponseTimeoutMs = 10000;
            PublishRetries = 2;
        }

        public event LinkLostHandler Lost;

        /// <summary>Longest wait for the stream to open.</summary>
        public int OpenTimeoutMs { get; set; }

        /// <summary>Longest wait for CONNACK, SUBACK, PUBACK (per attempt) and PINGRESP.</summary>
        public int ResponseTimeoutMs { get; set; }

        /// <summary>How often a QoS 1 PUBLISH is resent (DUP=1, same id) when no PUBACK came.</summary>
        public int PublishRetries { get; set; }

        /// <summary>
        /// Received messages wait to be taken, up to this many (8 unless set); beyond it a QoS 1/2 message is left
        /// unacknowledged, so the broker may send it again, and a QoS 0 one pushes out the oldest.
        /// </summary>
        public int MaxQueuedMessages
        {
            get { return _inbox.Capacity; }
            set { _inbox.Capacity = value; }
        }

        public string Kind
        {
            get { return _kind; }
        }

        public bool IsConnected
        {
            get { return _connected; }
        }

        public string LastError
        {
            get { return _lastError; }
        }

        public int DroppedMessages
        {
            get { return _inbox.Dropped; }
        }

        public LinkResult Connect(MqttConnectOptions options)
        {
            // A new session supersedes an unreported loss of the old one.
            CloseLine();
            _lostReason = null;
            if (options == null || options.Host == null || options.Host.Length == 0 || options.Port < 1 || options.Port > 65535)
            {
                return Fail(LinkResult.InvalidArgument, "connect needs a host and a port 1..65535");
            }

            MqttConnectPacket packet = new MqttConnectPacket();
            packet.ClientId = options.ClientId;
            packet.Username = options.Username;
            packet.Password = options.Password;
            packet.CleanSession = options.CleanSession;
            packet.KeepAliveSeconds = options.KeepAliveSeconds;
            MqttError error;
            int length = MqttEncoder.ConnectLength(packet, out error);
            if (length == 0)
            {
                return Fail(LinkResult.InvalidArgument, "invalid CONNECT fields: " + MqttErrorText.Of(error));
            }

            string endpoint = options.Host + ":" + options.Port.ToString();
            _line = _connector.Open(options.Host, options.Port, options.UseTls, OpenTimeoutMs);
            if (_line == null)
            {
                return Fail(LinkResult.Failed, "cannot open " + endpoint + ": " + _connector.LastError);
            }

            _decoder.Reset();
            _rxStart = 0;
            _rxEnd = 0;
            _pingSentMs = -1;
            EnsureTx(length);
            MqttEncoder.Connect(_tx, 0, packet, out error);
            if (!Send(_tx, 0, length))
            {
                CloseLine();
                return Fail(LinkResult.Failed, "cannot send CONNECT to " + endpoint);
            }

            int read = ReadPacket(_clock.UptimeMs + ResponseTimeoutMs);
            if (read != ReadGotPacket)
            {
                CloseLine();
                return read == ReadTimedOut
                    ? Fail(LinkResult.Timeout, "no CONNACK from " + endpoint + " within " + ResponseTimeoutMs.ToString() + " ms")
                    : Fail(LinkResult.Failed, "no CONNACK from " + endpoint + ": " + _lastError);
            }

            if (_decoder.PacketType != MqttPacketType.ConnAck)
            {
                CloseLine();
                return Fail(LinkResult.Failed, "protocol error: first packet from " + endpoint + " is not CONNACK");
            }

            int code = _decoder.ConnAckCode;
            if (code != 0)
            {
                CloseLine();
                return Fail(LinkResult.Refused, "broker refused the connection: " + ConnAckText(code));
            }

            _connected = true;
            _keepAliveMs = options.KeepAliveSeconds * 1000L;
            _lastError = null;
            if (_log.IsEnabled(LogLevel.Info))
            {
                _log.Write(LogLevel.Info, Source, "connected to " + endpoint + " over " + _kind + " as " + options.ClientId);
            }

            // The broker keeps the subscriptions only of a session it resumes, and only for the same client.
            string sessionKey = endpoint + " " + options.ClientId;
            if (options.CleanSession || !_decoder.SessionPresent || sessionKey != _sessionKey)
            {
                _subscriptions.NewSession();
            }

            _sessionKey = sessionKey;
            for (int i = 0; i < _subscriptions.Count; i++)
            {
                LinkResult subscribed = _subscriptions.InSession(i) ? LinkResult.Ok : SendSubscribe(_subscriptions.Filter(i), _subscriptions.Qos(i));
                if (subscribed != LinkResult.Ok)
                {
                    // Without its subscriptions the session would miss commands: close it, the next Connect starts over.
                    _lostReason = null;
                    CloseLine();
                    return subscribed;
                }

                _subscriptions.MarkSubscribed(i);
            }

            return LinkResult.Ok;
        }

        public LinkResult Subscribe(string topicFilter, int qos)
        {
            MqttError error;
            if (MqttEncoder.SubscribeLength(new string[] { topicFilter }, new int[] { qos }, out error) == 0)
            {
                return Fail(LinkResult.InvalidArgument, "cannot subscribe to '" + topicFilter + "': " + MqttErrorText.Of(error));
            }

            if (!_connected)
            {
                _subscriptions.Keep(topicFilter, qos);
                return LinkResult.Ok;
            }

            if (_subscriptions.Has(topicFilter, qos))
            {
                return LinkResult.Ok;
            }

            LinkResult result = SendSubscribe(topicFilter, qos);
            if (result == LinkResult.Ok)
            {
                _subscriptions.MarkSubscribed(_subscriptions.Keep(topicFilter, qos));
            }

            return result;
        }

        public LinkResult Publish(string topic, byte[] payload, int offset, int count, int qos)
        {
            if (!_connected)
            {
                return Fail(LinkResult.NotConnected, "publish while not connected");
            }

            if ((qos != 0 && qos != 1) || count < 0 || offset < 0 || (count > 0 && (payload == null || offset > payload.Length - count)))
            {
                return Fail(LinkResult.InvalidArgument, "publish needs QoS 0 or 1 and a payload range inside the array");
            }

            MqttError error = MqttTopic.CheckName(topic);
            if (error != MqttError.None)
            {
                return Fail(LinkResult.InvalidArgument, "cannot publish to '" + topic + "': " + MqttErrorText.Of(error));
            }

            // Only the header goes through the buffer; the payload is written from the caller's array, so a publish
            // allocates nothing once the buffer has grown to the longest topic.
            EnsureTx(MqttUtf8.ByteCount(topic) + MqttEncoder.PublishHeaderOverhead);
            int packetId = qos == 1 ? _packetIds.Next() : 0;
            for (int attempt = 0; attempt <= PublishRetries; attempt++)
            {
                int header = MqttEncoder.PublishHeader(_tx, 0, topic, count, qos, attempt > 0, false, packetId, out error);
                if (header == 0)
                {
                    return Fail(LinkResult.InvalidArgument, "cannot publish to '" + topic + "': " + MqttErrorText.Of(error));
                }

                if (!Send(_tx, 0, header) || (count > 0 && !Send(payload, offset, count)))
                {
                    return Fail(LinkResult.Failed, "cannot send PUBLISH: " + _lastError);
                }

                if (qos == 0)
                {
                    return LinkResult.Ok;
                }

                int wait = WaitFor(MqttPacketType.PubAck, packetId);
                if (wait == ReadGotPacket)
                {
                    return LinkResult.Ok;
                }

                if (wait == ReadLinkLost)
                {
                    return Fail(LinkResult.Failed, "link lost while publishing: " + _lastError);
                }

                if (_log.IsEnabled(LogLevel.Warning))
                {
                    _log.Write(LogLevel.Warning, Source, "no PUBACK for packet " + packetId.ToString() + " (attempt " + (attempt + 1).ToString() + ")");
                }
            }

            return Fail(LinkResult.Timeout, "no PUBACK for packet " + packetId.ToString() + " after " + (PublishRetries + 1).ToString() + " attempts");
        }

        public void Poll(int timeoutMs)
        {
            long deadline = _clock.UptimeMs + (timeoutMs > 0 ? timeoutMs : 0);
            // Keep-alive is serviced before every read and once more at the end, so a ping due exactly at the
            // deadline goes out now rather than one Poll late.
            bool done = false;
            while (_connected && ServiceKeepAlive() && !done)
            {
                long keepAliveDue = NextKeepAliveMs();
                int read = ReadPacket(keepAliveDue < deadline ? keepAliveDue : deadline);
                if (read == ReadGotPacket)
                {
                    Dispatch();
                }

                done = read == ReadLinkLost || _clock.UptimeMs >= deadline;
            }

            if (_lostReason != null)
            {
                string reason = _lostReason;
                _lostReason = null;
                LinkLostHandler lost = Lost;
                if (lost != null)
                {
                    lost(reason);
                }
            }
            else if (!_connected && timeoutMs > 0)
            {
                // Nothing to wait for, but the caller's loop must not spin.
                _clock.Sleep(timeoutMs);
            }
        }

        public bool TryTakeMessage(out string topic, out byte[] payload)
        {
            return _inbox.TryTake(out topic, out payload);
        }

        public void Disconnect()
        {
            if (_connected)
            {
                MqttError error;
                int length = MqttEncoder.Disconnect(_tx, 0, out error);
                _line.Write(_tx, 0, length);
                if (_log.IsEnabled(LogLevel.Info))
                {
                    _log.Write(LogLevel.Info, Source, "disconnected");
                }
            }

            _lostReason = null;
            CloseLine();
        }

        private LinkResult SendSubscribe(string topicFilter, int qos)
        {
            string[] filters = new string[] { topicFilter };
            int[] levels = new int[] { qos };
            MqttError error;
            int length = MqttEncoder.SubscribeLength(filters, levels, out error);
            int packetId = _packetIds.Next();
            EnsureTx(length);
            MqttEncoder.Subscribe(_tx, 0, packetId, filters, levels, out error);
            if (!Send(_tx, 0, length))
            {
                return Fail(LinkResult.Failed, "cannot send SUBSCRIBE: " + _lastError);
            }

            int wait = WaitFor(MqttPacketType.SubAck, packetId);
            if (wait != ReadGotPacket)
            {
                return wait == ReadTimedOut
                    ? Fail(LinkResult.Timeout, "no SUBACK for '" + topicFilter + "' within " + ResponseTimeoutMs.ToString() + " ms")
                    : Fail(LinkResult.Failed, "link lost while subscribing: " + _lastError);
            }

            if (_decoder.SubAckCodeCount != 1)
            {
                LoseLink("protocol error: SUBACK with " + _decoder.SubAckCodeCount.ToString() + " codes for one filter");
                return LinkResult.Failed;
            }

            int granted = _decoder.SubAckCode(0);
            if (granted == 0x80)
            {
                return Fail(LinkResult.Refused, "broker refused the subscription to '" + topicFilter + "'");
            }

            if (granted < qos && _log.IsEnabled(LogLevel.Info))
            {
                _log.Write(LogLevel.Info, Source, "'" + topicFilter + "' granted QoS " + granted.ToString() + " of " + qos.ToString());
            }

            return LinkResult.Ok;
        }

        private static string ConnAckText(int code)
        {
            switch (code)
            {
                case 1: return "unacceptable protocol version (1)";
                case 2: return "client identifier rejected (2)";
                case 3: return "server unavailable (3)";
                case 4: return "bad user name or password (4)";
                case 5: return "not authorized (5)";
                default: return "reserved return code " + code.ToString();
            }
        }

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

        /// <summary>Sends PINGREQ when the link was quiet for 3/4 of the keep-alive; false when the link was lost.</summary>
        private bool ServiceKeepAlive()
        {
            if (_keepAliveMs == 0)
            {
                return true;
            }

            long now = _clock.UptimeMs;
            if (_pingSentMs >= 0)
            {
                if (now - _pingSentMs >= ResponseTimeoutMs)
                {
                    LoseLink("no PINGRESP within " + ResponseTimeoutMs.ToString() + " ms");
                    return false;
                }

                return true;
            }

            if (now - _lastSentMs >= _keepAliveMs * 3 / 4)
            {
                MqttError error;
                int length = MqttEncoder.PingReq(_tx, 0, out error);
                if (!Send(_tx, 0, length))
                {
                    return false;
                }

                _pingSentMs = now;
            }

            return true;
        }

        private long NextKeepAliveMs()
        {
            if (_keepAliveMs == 0)
            {
                return long.MaxValue;
            }

            return _pingSentMs >= 0 ? _pingSentMs + ResponseTimeoutMs : _lastSentMs + _keepAliveMs * 3 / 4;
        }

        private bool Send(byte[] buffer, int offset, int count)
        {
            if (!_line.Write(buffer, offset, count))
            {
                LoseLink("write failed");
                return false;
            }

            _lastSentMs = _clock.UptimeMs;
            return true;
        }

        /// <summary>The session is gone: close the stream and report it from the next Poll (once).</summary>
        private void LoseLink(string reason)
        {
            _lastError = reason;
            if (_connected)
            {
                _lostReason = reason;
                _log.Write(LogLevel.Warning, Source, "link lost: " + reason);
            }

            CloseLine();
        }

        private void CloseLine()
        {
            _connected = false;
            if (_line != null)
            {
                IByteStream line = _line;
                _line = null;
                _connector.Close(line);
            }
        }

        private void EnsureTx(int size)
        {
            if (_tx.Length < size)
            {
                _tx = new byte[size];
            }
        }

        private LinkResult Fail(LinkResult result, string error)
        {
            _lastError = error;
            if (_log.IsEnabled(LogLevel.Warning))
            {
                _log.Write(LogLevel.Warning, Source, error);
            }

            return result;
        }
    }
}
