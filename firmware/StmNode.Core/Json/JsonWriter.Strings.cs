// nano-hot: runs for every byte, line or report; the guard (PortabilityScanner) keeps StartsWith and text[i] loops out.
using System.Text;
using StmNode.Text;

namespace StmNode.Json
{
    /// <summary>Strings: raw strings composed from parts, and the escaping of UTF-16 text into JSON's UTF-8.</summary>
    public sealed partial class JsonWriter
    {
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

        private void WriteQuoted(string text)
        {
            Put((byte)'"');
            PutEscaped(text);
            Put((byte)'"');
        }

        // The runtime's encoder writes the UTF-8 straight into the buffer (native on nanoFramework, where a loop over
        // text[i] rescans the string for each character); a scan of those bytes then finds anything JSON must escape.
        // Only then, or when the buffer may be too short, does the character loop below run.
        private void PutEscaped(string text)
        {
            int length = text == null ? 0 : text.Length;
            if (length == 0 || _error != JsonWriteError.None)
            {
                return;
            }

            if (_end - _position >= 3 * length)
            {
                int written = Encoding.UTF8.GetBytes(text, 0, length, _buffer, _position);
                if (!NeedsEscape(_buffer, _position, written))
                {
                    _position += written;
                    return;
                }
            }

            PutEscapedChars(text, length);
        }

        private static bool NeedsEscape(byte[] bytes, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                byte b = bytes[i];
                if (b < 0x20 || b == (byte)'"' || b == (byte)'\\')
                {
                    return true;
                }
            }

            return false;
        }

        // UTF-16 to UTF-8 with JSON escapes; a lone surrogate (.NET only) becomes U+FFFD so the output stays valid UTF-8.
        private void PutEscapedChars(string text, int length)
        {
            for (int i = 0; i < length && _error == JsonWriteError.None; i++)
            {
                int c = text[i]; // nano-hot: cold (only text that needs escapes or may not fit)
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
    }
}
