// nano-hot: runs for every byte, line or report; the guard (PortabilityScanner) keeps StartsWith and text[i] loops out.
using System.Collections;
using System.Text;

namespace StmNode.At
{
    /// <summary>
    /// Turns the modem's byte stream into lines, one byte at a time, so any split or merge of reads gives the same
    /// lines. Also carves out length-prefixed URCs whose payload may contain CR, LF or quotes (ESP-AT
    /// <c>+MQTTSUBRECV</c>, EC20 <c>+QMTRECV</c> with a length) and recognises the <c>&gt;</c> prompt, which has
    /// no line ending after it.
    /// </summary>
    public sealed class AtLineFramer
    {
        /// <summary>Push result: nothing complete yet.</summary>
        public const int None = 0;
        /// <summary>Push result: <see cref="Line"/> holds a complete, trimmed, non-empty line.</summary>
        public const int LineReady = 1;
        /// <summary>Push result: <see cref="RawHeader"/> and <see cref="RawData"/> hold a length-prefixed URC.</summary>
        public const int RawReady = 2;
        /// <summary><see cref="AtRawLength"/> answer: the header is not complete yet.</summary>
        public const int NeedMore = -1;
        /// <summary><see cref="AtRawLength"/> answer: this line has no raw section; frame it as a normal line.</summary>
        public const int PlainLine = -2;

        private readonly byte[] _buffer;
        private readonly byte[] _raw;
        private readonly ArrayList _rawPrefixes = new ArrayList();
        private readonly ArrayList _rawLengths = new ArrayList();
        private int _length;
        private bool _overflow;
        private bool _rawDecided;
        private int _rawRemaining;
        private bool _rawDropping;
        private bool _skipToLineEnd;

        // Reused to turn ASCII lines into strings (grows to the longest line seen), so a line costs only its string.

        public AtLineFramer(int maxLineBytes, int maxRawBytes)
        {
            _buffer = new byte[maxLineBytes];
            _raw = new byte[maxRawBytes];
        }

        public string Line { get; private set; }

        /// <summary>The bytes <see cref="Line"/> was decoded from (in <see cref="LineBuffer"/>), valid until the next Push.</summary>
        public int LineStart { get; private set; }

        public int LineCount { get; private set; }

        public byte[] LineBuffer
        {
            get { return _buffer; }
        }

        /// <summary>Whether the last line starts with this text (ASCII compared with the bytes; no substring is made).</summary>
        public bool LineStartsWith(string prefix)
        {
            int length = prefix.Length;
            if (LineCount < length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (_buffer[LineStart + i] != prefix[i]) // nano-hot: cold (a short ASCII response prefix, once a line)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the last line starts with these bytes: a prefix match without a string or a substring.</summary>
        public bool LineStartsWith(byte[] prefix)
        {
            if (LineCount < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (_buffer[LineStart + i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        public string RawHeader { get; private set; }

        public byte[] RawData
        {
            get { return _raw; }
        }

        public int RawCount { get; private set; }

        /// <summary>Lines or raw sections thrown away because they did not fit the buffers.</summary>
        public int Dropped { get; private set; }

        /// <summary>True when the unfinished line is the data prompt: <c>&gt;</c> or <c>&gt; </c>.</summary>
        public bool IsPrompt
        {
            get { return _length >= 1 && _length <= 2 && _buffer[0] == (byte)'>' && (_length == 1 || _buffer[1] == (byte)' '); }
        }

        /// <summary>Declares a URC whose header is followed by a raw section of a length the header announces.</summary>
        public void AddRawPrefix(string prefix, AtRawLength lengthOf)
        {
            _rawPrefixes.Add(Encoding.UTF8.GetBytes(prefix));
            _rawLengths.Add(lengthOf);
        }

        /// <summary>Forgets any unfinished line (after a prompt, or when leaving transparent mode).</summary>
        public void Reset()
        {
            _length = 0;
            _overflow = false;
            _rawDecided = false;
            _rawRemaining = 0;
            _rawDropping = false;
            _skipToLineEnd = false;
        }

        public int Push(byte b)
        {
            if (_rawRemaining > 0)
            {
                return PushRaw(b);
            }

            if (b == 13 || b == 10)
            {
                return EndLine();
            }

            if (_skipToLineEnd)
            {
                return None;
            }

            if (_length == _buffer.Length)
            {
                _overflow = true;
                return None;
            }

            _buffer[_length++] = b;
            if ((b == (byte)',' || b == (byte)'"') && !_rawDecided && _rawPrefixes.Count > 0)
            {
                return CheckRaw();
            }

            return None;
        }

        private int PushRaw(byte b)
        {
            if (!_rawDropping)
            {
                _raw[RawCount++] = b;
            }

            _rawRemaining--;
            if (_rawRemaining > 0)
            {
                return None;
            }

            _skipToLineEnd = true;
            if (_rawDropping)
            {
                _rawDropping = false;
                Dropped++;
                return None;
            }

            return RawReady;
        }

        private int EndLine()
        {
            bool overflow = _overflow;
            int length = _length;
            _length = 0;
            _overflow = false;
            _rawDecided = false;
            _skipToLineEnd = false;
            if (overflow)
            {
                Dropped++;
                return None;
            }

            // Control bytes and spaces around a line are line noise, never content.
            int start = 0;
            while (start < length && _buffer[start] <= 0x20)
            {
                start++;
            }

            while (length > start && _buffer[length - 1] <= 0x20)
            {
                length--;
            }

            if (length == start)
            {
                return None;
            }

            LineStart = start;
            LineCount = length - start;
            Line = DecodeLine(start, length - start);
            return LineReady;
        }

        // "OK", the most common line, is shared (on nanoFramework even a literal would be a new string each time).
        private static readonly string Ok = "OK";

        // Decode's result for a framed line; ASCII through the runtime's decoder, which is native on nanoFramework.
        private string DecodeLine(int offset, int count)
        {
            if (count == 2 && _buffer[offset] == (byte)'O' && _buffer[offset + 1] == (byte)'K')
            {
                return Ok;
            }

            for (int i = offset; i < offset + count; i++)
            {
                if (_buffer[i] >= 0x80)
                {
                    return Decode(_buffer, offset, count);
                }
            }

            return Encoding.UTF8.GetString(_buffer, offset, count);
        }

        private int CheckRaw()
        {
            for (int i = 0; i < _rawPrefixes.Count; i++)
            {
                byte[] prefix = (byte[])_rawPrefixes[i];
                if (!StartsWith(prefix))
                {
                    continue;
                }

                int count = ((AtRawLength)_rawLengths[i])(Decode(_buffer, 0, _length));
                if (count == NeedMore)
                {
                    return None;
                }

                _rawDecided = true;
                if (count < 0)
                {
                    return None;
                }

                RawHeader = Decode(_buffer, 0, _length);
                RawCount = 0;
                _length = 0;
                _rawDropping = count > _raw.Length;
                _rawRemaining = count;
                if (count == 0)
                {
                    _skipToLineEnd = true;
                    return RawReady;
                }

                return None;
            }

            return None;
        }

        private bool StartsWith(byte[] prefix)
        {
            if (_length < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (_buffer[i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Bytes to text that never throws: ASCII as is, UTF-8 when valid, '?' for undecodable bytes.</summary>
        public static string Decode(byte[] data, int offset, int count)
        {
            bool ascii = true;
            for (int i = offset; i < offset + count; i++)
            {
                if (data[i] >= 0x80)
                {
                    ascii = false;
                    break;
                }
            }

            if (!ascii)
            {
                try
                {
                    return Encoding.UTF8.GetString(data, offset, count);
                }
                catch (System.Exception)
                {
                    // invalid UTF-8 from a noisy line: fall through to the byte-wise copy below
                }
            }

            char[] chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                byte b = data[offset + i];
                chars[i] = b < 0x80 ? (char)b : '?';
            }

            return new string(chars);
        }
    }
}
