using StmNode.Ports;

namespace StmNode.Mqtt
{
    /// <summary>
    /// Core's own MQTT 3.1.1 client: an <see cref="IMqttLink"/> over any byte stream an <see cref="IStreamConnector"/>
    /// opens (a TCP socket on a PC, a modem's transparent socket). QoS 0 and 1 out, QoS 0/1/2 in, keep-alive pings,
    /// and every wait bounded in the <see cref="IClock"/>'s time. Single-threaded: call it from one thread only.
    /// </summary>
    public sealed partial class StreamMqttLink : IMqttLink
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
        private readonly SubscribeSender _sendSubscribe;
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
            _sendSubscribe = SendSubscribe;
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
