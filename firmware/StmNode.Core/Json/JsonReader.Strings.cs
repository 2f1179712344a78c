using StmNode.Text;

namespace StmNode.Json
{
    /// <summary>Strings and property names: escapes and UTF-8 decoded into the scratch buffer, read back or compared without allocating.</summary>
    public sealed partial class JsonReader
    {
        /// <summary>The decoded text of the current string or property name.</summary>
        public string GetString()
        {
            return new string(_chars, 0, _stringLength);
        }

        /// <summary>Compares the current string or property name with text without allocating.</summary>
        public bool ValueEquals(string text)
        {
            if (text == null || text.Length != _stringLength)
            {
                return false;
            }

            for (int i = 0; i < _stringLength; i++)
            {
                if (_chars[i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        // Decodes the string at _position (on its opening quote) into _chars, checking escapes and UTF-8.
        private bool ScanString()
        {
            int begin = _position;
            _position++;
            _stringLength = 0;
            while (true)
            {
                if (_position == _end)
                {
                    return Fail(JsonReadError.UnexpectedEnd, _position);
                }

                if (_position - begin - 1 > _maxStringBytes)
                {
                    return Fail(JsonReadError.StringTooLong, begin);
                }

                int b = _data[_position];
                if (b == '"')
                {
                    _position++;
                    return true;
                }

                if (b == '\\')
                {
                    if (!ScanEscape())
                    {
                        return false;
                    }
                }
                else if (b < 0x20)
                {
                    return Fail(JsonReadError.InvalidString, _position);
                }
                else if (b < 0x80)
                {
                    _chars[_stringLength++] = (char)b;
                    _position++;
                }
                else if (!ScanUtf8())
                {
                    return false;
                }
            }
        }

        private bool ScanEscape()
        {
            int at = _position;
            if (_position + 1 >= _end)
            {
                return Fail(JsonReadError.UnexpectedEnd, _end);
            }

            int c = _data[_position + 1];
            _position += 2;
            switch (c)
            {
                case '"':
                case '\\':
                case '/':
                    _chars[_stringLength++] = (char)c;
                    return true;
                case 'b':
                    _chars[_stringLength++] = '\b';
                    return true;
                case 'f':
                    _chars[_stringLength++] = '\f';
                    return true;
                case 'n':
                    _chars[_stringLength++] = '\n';
                    return true;
                case 'r':
                    _chars[_stringLength++] = '\r';
                    return true;
                case 't':
                    _chars[_stringLength++] = '\t';
                    return true;
                case 'u':
                    break;
                default:
                    return Fail(JsonReadError.InvalidString, at);
            }

            int unit = ReadHex4(at);
            if (unit < 0)
            {
                return false;
            }

            if (unit >= 0xDC00 && unit <= 0xDFFF)
            {
                return Fail(JsonReadError.InvalidString, at);
            }

            if (unit >= 0xD800 && unit <= 0xDBFF)
            {
                // A high surrogate must be followed by an escaped low surrogate, or the text cannot be UTF-8.
                if (_position + 1 >= _end || _data[_position] != '\\' || _data[_position + 1] != 'u')
                {
                    return Fail(JsonReadError.InvalidString, at);
                }

                _position += 2;
                int low = ReadHex4(at);
                if (low < 0)
                {
                    return false;
                }

                if (low < 0xDC00 || low > 0xDFFF)
                {
                    return Fail(JsonReadError.InvalidString, at);
                }

                _chars[_stringLength++] = (char)unit;
                _chars[_stringLength++] = (char)low;
                return true;
            }

            _chars[_stringLength++] = (char)unit;
            return true;
        }

        private int ReadHex4(int escapeStart)
        {
            if (_position + 4 > _end)
            {
                Fail(JsonReadError.UnexpectedEnd, _end);
                return -1;
            }

            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                int c = _data[_position++];
                int digit;
                if (c >= '0' && c <= '9')
                {
                    digit = c - '0';
                }
                else if (c >= 'a' && c <= 'f')
                {
                    digit = c - 'a' + 10;
                }
                else if (c >= 'A' && c <= 'F')
                {
                    digit = c - 'A' + 10;
                }
                else
                {
                    Fail(JsonReadError.InvalidString, escapeStart);
                    return -1;
                }

                value = (value << 4) | digit;
            }

            return value;
        }

        // One multi-byte UTF-8 sequence, decoded strictly (Utf8.DecodeSequence) into one or two UTF-16 units.
        private bool ScanUtf8()
        {
            int codePoint;
            int length = Utf8.DecodeSequence(_data, _position, _end, out codePoint);
            if (length < 0)
            {
                return Fail(JsonReadError.UnexpectedEnd, _end);
            }

            if (length == 0)
            {
                return Fail(JsonReadError.InvalidUtf8, _position);
            }

            _position += length;
            if (codePoint >= 0x10000)
            {
                codePoint -= 0x10000;
                _chars[_stringLength++] = (char)(0xD800 + (codePoint >> 10));
                _chars[_stringLength++] = (char)(0xDC00 + (codePoint & 0x3FF));
            }
            else
            {
                _chars[_stringLength++] = (char)codePoint;
            }

            return true;
        }
    }
}
