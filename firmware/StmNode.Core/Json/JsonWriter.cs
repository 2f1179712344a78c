using System.Text;
using StmNode.Text;

namespace StmNode.Json
{
    /// <summary>
    /// Writes JSON as UTF-8 straight into a caller-owned byte array. It allocates nothing after construction:
    /// numbers are written digit by digit and strings are encoded char by char, so a report can be built on
    /// every cycle without feeding the garbage collector. Problems (a full buffer, calls out of order, NaN) never
    /// throw: the first one is kept in <see cref="Error"/> and every later call does nothing.
    /// </summary>
    public sealed class JsonWriter
    {
        /// <summary>Deepest nesting of objects and arrays a writer accepts.</summary>
        public const int MaxDepth = 16;

        /// <summary>Most fraction digits <see cref="WriteDouble(double, int)"/> writes.</summary>
        public const int MaxDecimals = 9;

        private static readonly long[] PowersOfTen =
        {
            1L, 10L, 100L, 1000L, 10000L, 100000L, 1000000L, 10000000L, 100000000L, 1000000000L
        };

        // Per nesting level: is it an object (names needed), and has it had a member yet (comma needed).
        private readonly bool[] _isObject = new bool[MaxDepth + 1];
        private readonly bool[] _hasMember = new bool[MaxDepth + 1];
        private readonly byte[] _digits = new byte[20];

        private byte[] _buffer;
        private int _start;
        private int _position;
        private int _end;
        private int _depth;
        private bool _afterName;
        private JsonWriteError _error;

        /// <summary>Creates a writer that still needs <see cref="Reset"/> before use.</summary>
        public JsonWriter()
        {
            _buffer = new byte[0];
        }

        /// <summary>Starts a new document at buffer[offset], using at most capacity bytes.</summary>
        public void Reset(byte[] buffer, int offset, int capacity)
        {
            _buffer = buffer;
            _start = offset;
            _position = offset;
            _end = offset + capacity;
            _depth = 0;
            _afterName = false;
            _hasMember[0] = false;
            _isObject[0] = false;
            _error = buffer == null || offset < 0 || capacity < 0 || offset + capacity > buffer.Length
                ? JsonWriteError.Overflow
                : JsonWriteError.None;
        }

        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Where the document starts in <see cref="Buffer"/>.</summary>
        public int Offset
        {
            get { return _start; }
        }

        /// <summary>Bytes written so far.</summary>
        public int Length
        {
            get { return _position - _start; }
        }

        /// <summary>Open objects and arrays.</summary>
        public int Depth
        {
            get { return _depth; }
        }

        public JsonWriteError Error
        {
            get { return _error; }
        }

        /// <summary>True when nothing went wrong and every object and array was closed.</summary>
        public bool IsComplete
        {
            get { return _error == JsonWriteError.None && _depth == 0 && !_afterName && _hasMember[0]; }
        }

        public void BeginObject()
        {
            Open(true, (byte)'{');
        }

        public void EndObject()
        {
            Close(true, (byte)'}');
        }

        public void BeginArray()
        {
            Open(false, (byte)'[');
        }

        public void EndArray()
        {
            Close(false, (byte)']');
        }

        /// <summary>Writes the name of the next member of the current object.</summary>
        public void WriteName(string name)
        {
            if (_error != JsonWriteError.None)
            {
                return;
            }

            if (!_isObject[_depth] || _afterName || _depth == 0)
            {
                _error = JsonWriteError.BadNesting;
                return;
            }

            WriteSeparator();
            WriteQuoted(name);
            Put((byte)':');
            _afterName = true;
        }

        public void WriteString(string value)
        {
            if (BeginValue())
            {
                if (value == null)
                {
                    PutAscii("null");
                }
                else
                {
                    WriteQuoted(value);
                }
            }
        }

        public void WriteLong(long value)
        {
            if (BeginValue())
            {
                PutLong(value);
            }
        }

        /// <summary>
        /// Writes value rounded to at most decimals fraction digits, trailing zeros dropped but always with a
        /// fraction point ("23.5", "10.0"), so the receiver sees a fractional type (Alink requires it for floats).
        /// </summary>
        public void WriteDouble(double value, int decimals)
        {
            if (!BeginValue())
            {
                return;
            }

            if (decimals < 1)
            {
                decimals = 1;
            }
            else if (decimals > MaxDecimals)
            {
                decimals = MaxDecimals;
            }

            // NaN fails every comparison, so it lands here too; 9e18 keeps the scaled value inside a long.
            double scaled = value * PowersOfTen[decimals];
            if (!(scaled > -9e18 && scaled < 9e18))
            {
                _error = JsonWriteError.InvalidNumber;
                return;
            }

            long rounded = (long)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
            if (rounded < 0)
            {
                Put((byte)'-');
                rounded = -rounded;
            }

            long whole = rounded / PowersOfTen[decimals];
            long fraction = rounded % PowersOfTen[decimals];
            PutLong(whole);
            Put((byte)'.');
            int digits = decimals;
            while (digits > 1 && fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            for (int i = digits - 1; i >= 0; i--)
            {
                Put((byte)('0' + (int)(fraction / PowersOfTen[i] % 10)));
            }
        }

        public void WriteBool(bool value)
        {
            if (BeginValue())
            {
                PutAscii(value ? "true" : "false");
            }
        }

        public void WriteNull()
        {
            if (BeginValue())
            {
                PutAscii("null");
            }
        }

        /// <summary>Name and value in one call, for the common case.</summary>
        public void WriteString(string name, string value)
        {
            WriteName(name);
            WriteString(value);
        }

        public void WriteLong(string name, long value)
        {
            WriteName(name);
            WriteLong(value);
        }

        public void WriteDouble(string name, double value, int decimals)
        {
            WriteName(name);
            WriteDouble(value, decimals);
        }

        public void WriteBool(string name, bool value)
        {
            WriteName(name);
            WriteBool(value);
        }

        /// <summary>
        /// Writes the characters of value as a JSON string body without quotes, for callers composing one
        /// string value from parts (e.g. a timestamp). Must follow <see cref="BeginRawString"/>.
        /// </summary>
        public void BeginRawString()
        {
            if (BeginValue())
            {
                Put((byte)'"');
            }
        }

        /// <summary>Appends escaped text to a string opened with <see cref="BeginRawString"/>.</summary>
        public void AppendRawString(string text)
        {
            if (_error == JsonWriteError.None)
            {
                PutEscaped(text);
            }
        }

        /// <summary>Appends a zero-padded base-10 number (width digits) to an open raw string.</summary>
        public void AppendPaddedNumber(int value, int width)
        {
            for (int i = width - 1; i >= 0; i--)
            {
                Put((byte)('0' + (int)(value / PowersOfTen[i] % 10)));
            }
        }

        /// <summary>Appends a base-10 number to an open raw string (e.g. an Alink message id).</summary>
        public void AppendRawNumber(long value)
        {
            PutLong(value);
        }

        /// <summary>Closes a string opened with <see cref="BeginRawString"/>.</summary>
        public void EndRawString()
        {
            Put((byte)'"');
        }

        private void Open(bool isObject, byte bracket)
        {
            if (!BeginValue())
            {
                return;
            }

            if (_depth == MaxDepth)
            {
                _error = JsonWriteError.TooDeep;
                return;
            }

            Put(bracket);
            _depth++;
            _isObject[_depth] = isObject;
            _hasMember[_depth] = false;
        }

        private void Close(bool isObject, byte bracket)
        {
            if (_error != JsonWriteError.None)
            {
                return;
            }

            if (_depth == 0 || _isObject[_depth] != isObject || _afterName)
            {
                _error = JsonWriteError.BadNesting;
                return;
            }

            _depth--;
            Put(bracket);
        }

        // Checks a value may go here and writes the comma before it; false when nothing must be written.
        private bool BeginValue()
        {
            if (_error != JsonWriteError.None)
            {
                return false;
            }

            if (_depth == 0)
            {
                if (_hasMember[0])
                {
                    _error = JsonWriteError.BadNesting; // only one top-level value per document
                    return false;
                }

                _hasMember[0] = true;
                return true;
            }

            if (_isObject[_depth])
            {
                if (!_afterName)
                {
                    _error = JsonWriteError.BadNesting;
                    return false;
                }

                _afterName = false;
                return true;
            }

            WriteSeparator();
            return true;
        }

        private void WriteSeparator()
        {
            if (_hasMember[_depth])
            {
                Put((byte)',');
            }

            _hasMember[_depth] = true;
        }

        private void WriteQuoted(string text)
        {
            Put((byte)'"');
            PutEscaped(text);
            Put((byte)'"');
        }

        // UTF-16 to UTF-8 with JSON escapes; a lone surrogate (.NET only) becomes U+FFFD so the output stays valid UTF-8.
        private void PutEscaped(string text)
        {
            int length = text == null ? 0 : text.Length;
            for (int i = 0; i < length && _error == JsonWriteError.None; i++)
            {
                int c = text[i];
                if (c < 0x80)
                {
                    PutAsciiChar(c);
                }
                else if (c < 0x800)
                {
                    Put((byte)(0xC0 | (c >> 6)));
                    Put((byte)(0x80 | (c & 0x3F)));
                }
                else if (Utf16.IsPairAt(text, i))
                {
                    PutPair(text, i);
                    i++;
                }
                else
                {
                    if (Utf16.IsSurrogate(c))
                    {
                        c = 0xFFFD;
                    }

                    Put((byte)(0xE0 | (c >> 12)));
                    Put((byte)(0x80 | ((c >> 6) & 0x3F)));
                    Put((byte)(0x80 | (c & 0x3F)));
                }
            }
        }

        // The 4 bytes of the surrogate pair at index, from the runtime's encoder: nanoFramework's indexer returns the
        // high surrogate for both halves, so the code point cannot be computed from text[index + 1] there.
        private void PutPair(string text, int index)
        {
            if (_end - _position < 4)
            {
                _error = JsonWriteError.Overflow;
                return;
            }

            _position += Encoding.UTF8.GetBytes(text, index, 2, _buffer, _position);
        }

        private void PutAsciiChar(int c)
        {
            switch (c)
            {
                case '"':
                    Put((byte)'\\');
                    Put((byte)'"');
                    return;
                case '\\':
                    Put((byte)'\\');
                    Put((byte)'\\');
                    return;
                case '\n':
                    Put((byte)'\\');
                    Put((byte)'n');
                    return;
                case '\r':
                    Put((byte)'\\');
                    Put((byte)'r');
                    return;
                case '\t':
                    Put((byte)'\\');
                    Put((byte)'t');
                    return;
                case '\b':
                    Put((byte)'\\');
                    Put((byte)'b');
                    return;
                case '\f':
                    Put((byte)'\\');
                    Put((byte)'f');
                    return;
            }

            if (c < 0x20 || c == 0x7F)
            {
                Put((byte)'\\');
                Put((byte)'u');
                Put((byte)'0');
                Put((byte)'0');
                Put(HexDigit(c >> 4));
                Put(HexDigit(c & 0xF));
                return;
            }

            Put((byte)c);
        }

        private static byte HexDigit(int nibble)
        {
            return (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
        }

        private void PutLong(long value)
        {
            if (value < 0)
            {
                Put((byte)'-');
            }

            // Digits are collected from the low end; working on the negative side also covers long.MinValue.
            long rest = value < 0 ? value : -value;
            int count = 0;
            do
            {
                _digits[count++] = (byte)('0' - (int)(rest % 10));
                rest /= 10;
            }
            while (rest != 0);

            while (count > 0)
            {
                Put(_digits[--count]);
            }
        }

        private void PutAscii(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                Put((byte)text[i]);
            }
        }

        private void Put(byte value)
        {
            if (_error != JsonWriteError.None)
            {
                return;
            }

            if (_position >= _end)
            {
                _error = JsonWriteError.Overflow;
                return;
            }

            _buffer[_position++] = value;
        }
    }
}
