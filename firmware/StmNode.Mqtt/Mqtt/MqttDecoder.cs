namespace StmNode.Mqtt
{
    /// <summary>
    /// Streaming decoder for the packets an MQTT 3.1.1 server sends to a client (CONNACK, PUBLISH, PUBACK, PUBREC,
    /// PUBREL, PUBCOMP, SUBACK, UNSUBACK, PINGRESP). Bytes are pushed one at a time, so any chunking works.
    /// Malformed input ends in <see cref="MqttDecodeStatus.Error"/> with a typed reason and the byte position inside
    /// the packet; the decoder then stays in error until <see cref="Reset"/> (the stream can't be resynchronised).
    /// A well-formed PUBLISH above the maximum size is consumed and dropped (<see cref="MqttDecodeStatus.PacketSkipped"/>)
    /// rather than failing the stream: the broker would otherwise redeliver it after every reconnect.
    /// </summary>
    public sealed partial class MqttDecoder
    {
        private const int StateHeader = 0;
        private const int StateLength = 1;
        private const int StateBody = 2;
        private const int StateReady = 3;
        private const int StateError = 4;

        private readonly byte[] _body;
        private readonly int _maxPacketSize;
        private int _state;
        private int _position;
        private int _firstByte;
        private int _remainingLength;
        private int _lengthBytes;
        private int _bodyCount;
        private bool _skipping;

        /// <summary>maxPacketSize bounds a whole packet (fixed header included); its body buffer is allocated once here.</summary>
        public MqttDecoder(int maxPacketSize)
        {
            _maxPacketSize = maxPacketSize < 16 ? 16 : maxPacketSize;
            _body = new byte[_maxPacketSize];
            Reset();
        }

        public int MaxPacketSize
        {
            get { return _maxPacketSize; }
        }

        public MqttPacketType PacketType { get; private set; }

        /// <summary>Low four bits of the first byte.</summary>
        public int Flags
        {
            get { return _firstByte & 0x0F; }
        }

        /// <summary>PUBLISH only.</summary>
        public int Qos
        {
            get { return (_firstByte >> 1) & 0x03; }
        }

        /// <summary>PUBLISH only.</summary>
        public bool Dup
        {
            get { return (_firstByte & 0x08) != 0; }
        }

        /// <summary>PUBLISH only.</summary>
        public bool Retain
        {
            get { return (_firstByte & 0x01) != 0; }
        }

        /// <summary>The packet identifier (PUBLISH QoS &gt; 0, the acknowledgements, SUBACK, UNSUBACK); 0 otherwise.</summary>
        public int PacketId { get; private set; }

        /// <summary>CONNACK return code (0 accepted, 1..5 refusals).</summary>
        public int ConnAckCode { get; private set; }

        /// <summary>CONNACK Session Present flag.</summary>
        public bool SessionPresent { get; private set; }

        /// <summary>PUBLISH topic name (validated).</summary>
        public string Topic { get; private set; }

        /// <summary>The packet body; payload and SUBACK codes live here until the next byte is pushed.</summary>
        public byte[] Buffer
        {
            get { return _body; }
        }

        /// <summary>PUBLISH payload start in <see cref="Buffer"/>.</summary>
        public int PayloadOffset { get; private set; }

        /// <summary>PUBLISH payload length.</summary>
        public int PayloadCount { get; private set; }

        /// <summary>Whole size of the PUBLISH that was dropped for being too large (PacketSkipped only).</summary>
        public int SkippedLength { get; private set; }

        /// <summary>Number of SUBACK return codes.</summary>
        public int SubAckCodeCount { get; private set; }

        public MqttError Error { get; private set; }

        /// <summary>Index of the offending byte inside the packet (0 = the first byte), or -1.</summary>
        public int ErrorPosition { get; private set; }

        /// <summary>Human-readable detail of the error for logs.</summary>
        public string ErrorDetail { get; private set; }

        /// <summary>SUBACK return code i (0x00, 0x01, 0x02 or 0x80 failure).</summary>
        public int SubAckCode(int index)
        {
            return _body[2 + index];
        }

        /// <summary>Forgets any partial packet and any error: use after the stream was reopened.</summary>
        public void Reset()
        {
            _state = StateHeader;
            _position = 0;
            Error = MqttError.None;
            ErrorPosition = -1;
            ErrorDetail = null;
            ClearPacket();
        }

        /// <summary>Consumes one byte. After PacketReady, read the packet before pushing the next byte.</summary>
        public MqttDecodeStatus Push(byte value)
        {
            if (_state == StateError)
            {
                return MqttDecodeStatus.Error;
            }

            if (_state == StateReady)
            {
                _state = StateHeader;
                _position = 0;
                ClearPacket();
            }

            int position = _position++;
            switch (_state)
            {
                case StateHeader:
                    return StartPacket(value);
                case StateLength:
                    return ReadLength(value, position);
                default:
                    // While skipping, only the start of the packet is kept (enough for topic and packet id).
                    if (_bodyCount < _body.Length)
                    {
                        _body[_bodyCount] = value;
                    }

                    _bodyCount++;
                    if (_bodyCount < _remainingLength)
                    {
                        return MqttDecodeStatus.NeedMore;
                    }

                    return _skipping ? CompleteSkipped() : Complete();
            }
        }

        private void ClearPacket()
        {
            PacketType = MqttPacketType.None;
            _firstByte = 0;
            _remainingLength = 0;
            _lengthBytes = 0;
            _bodyCount = 0;
            _skipping = false;
            SkippedLength = 0;
            PacketId = 0;
            ConnAckCode = 0;
            SessionPresent = false;
            Topic = null;
            PayloadOffset = 0;
            PayloadCount = 0;
            SubAckCodeCount = 0;
        }

        private MqttDecodeStatus Fail(MqttError error, int position, string detail)
        {
            _state = StateError;
            Error = error;
            ErrorPosition = position;
            ErrorDetail = detail;
            return MqttDecodeStatus.Error;
        }

        private static string Name(int type)
        {
            switch (type)
            {
                case 1: return "CONNECT";
                case 2: return "CONNACK";
                case 3: return "PUBLISH";
                case 4: return "PUBACK";
                case 5: return "PUBREC";
                case 6: return "PUBREL";
                case 7: return "PUBCOMP";
                case 8: return "SUBSCRIBE";
                case 9: return "SUBACK";
                case 10: return "UNSUBSCRIBE";
                case 11: return "UNSUBACK";
                case 12: return "PINGREQ";
                case 13: return "PINGRESP";
                case 14: return "DISCONNECT";
                default: return "type " + type.ToString();
            }
        }
    }
}
