using StmNode.Text;

namespace StmNode.Json
{
    /// <summary>
    /// A pull reader over UTF-8 JSON in a byte array. It checks the whole grammar (RFC 8259), validates UTF-8 and
    /// escapes, and enforces limits on nesting, string length and number length, so hostile or truncated input
    /// ends in <see cref="JsonTokenType.Error"/> with a reason and a byte position, never in an exception.
    /// Strings are decoded into a scratch buffer allocated once; <see cref="GetString"/> allocates the string only
    /// when asked. Numbers are parsed digit by digit (no culture, no allocation).
    /// </summary>
    public sealed class JsonReader
    {
        private const int ExpectValue = 0;
        private const int ExpectValueOrEnd = 1;
        private const int ExpectName = 2;
        private const int ExpectNameOrEnd = 3;
        private const int ExpectCommaOrEnd = 4;
        private const int ExpectDocumentEnd = 5;

        // Exponents are clamped here: far beyond double's range, so the value is already 0 or infinity.
        private const int ExponentLimit = 1000;

        private static readonly double[] PowersOfTen =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
        };

        private readonly int _maxDepth;
        private readonly int _maxStringBytes;
        private readonly int _maxNumberChars;
        private readonly bool[] _isObject;
        private readonly char[] _chars;

        private byte[] _data;
        private int _start;
        private int _position;
        private int _end;
        private int _depth;
        private int _state;
        private JsonTokenType _tokenType;
        private int _tokenStart;
        private JsonReadError _error;
        private int _errorPosition;
        private int _stringLength;
        private bool _isInteger;
        private long _longValue;
        private double _doubleValue;

        /// <summary>A reader with limits that suit cloud downlinks: depth 16, strings 512 bytes, numbers 40 characters.</summary>
        public JsonReader()
            : this(16, 512, 40)
        {
        }

        public JsonReader(int maxDepth, int maxStringBytes, int maxNumberChars)
        {
            _maxDepth = maxDepth;
            _maxStringBytes = maxStringBytes;
            _maxNumberChars = maxNumberChars;
            _isObject = new bool[maxDepth + 1];
            // A sequence started just under the limit may add two UTF-16 units (a surrogate pair) past it.
            _chars = new char[maxStringBytes + 2];
            Reset(new byte[0], 0, 0);
        }

        /// <summary>Starts reading data[offset .. offset+count).</summary>
        public void Reset(byte[] data, int offset, int count)
        {
            _data = data;
            _start = offset;
            _position = offset;
            _end = offset + count;
            _depth = 0;
            _state = ExpectValue;
            _tokenType = JsonTokenType.None;
            _error = JsonReadError.None;
            _errorPosition = -1;
            if (data == null || offset < 0 || count < 0 || offset + count > data.Length)
            {
                _data = new byte[0];
                _start = 0;
                _position = 0;
                _end = 0;
            }
        }

        public JsonTokenType TokenType
        {
            get { return _tokenType; }
        }

        public JsonReadError Error
        {
            get { return _error; }
        }

        /// <summary>Byte position of the error, counted from the start of the input; -1 when there is none.</summary>
        public int ErrorPosition
        {
            get { return _errorPosition; }
        }

        /// <summary>Byte position of the current token, counted from the start of the input.</summary>
        public int TokenPosition
        {
            get { return _tokenStart - _start; }
        }

        /// <summary>Open objects and arrays around the current position.</summary>
        public int Depth
        {
            get { return _depth; }
        }

        /// <summary>True when the current number has no fraction or exponent and fits a long.</summary>
        public bool IsInteger
        {
            get { return _isInteger; }
        }

        /// <summary>The current number as a long (meaningful when <see cref="IsInteger"/>).</summary>
        public long LongValue
        {
            get { return _longValue; }
        }

        /// <summary>The current number as a double (±infinity when beyond double's range).</summary>
        public double DoubleValue
        {
            get { return _doubleValue; }
        }

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

        /// <summary>Moves to the next token. False at the end of the document or on an error.</summary>
        public bool Read()
        {
            if (_error != JsonReadError.None || _tokenType == JsonTokenType.EndOfDocument)
            {
                return false;
            }

            SkipWhiteSpace();
            _tokenStart = _position;
            if (_position == _end)
            {
                if (_state == ExpectDocumentEnd)
                {
                    _tokenType = JsonTokenType.EndOfDocument;
                    return false;
                }

                return Fail(JsonReadError.UnexpectedEnd, _position);
            }

            byte b = _data[_position];
            switch (_state)
            {
                case ExpectDocumentEnd:
                    return Fail(JsonReadError.TrailingData, _position);
                case ExpectCommaOrEnd:
                    if (b == ',')
                    {
                        _position++;
                        _state = _isObject[_depth] ? ExpectName : ExpectValue;
                        return Read();
                    }

                    return CloseContainer(b);
                case ExpectNameOrEnd:
                    return b == '}' ? CloseContainer(b) : ReadName(b);
                case ExpectName:
                    return ReadName(b);
                case ExpectValueOrEnd:
                    return b == ']' ? CloseContainer(b) : ReadValue(b);
                default:
                    return ReadValue(b);
            }
        }

        /// <summary>
        /// Skips what the current token opens: a whole object or array, or the value after a property name.
        /// Leaves the reader on the last token of it. False on an error.
        /// </summary>
        public bool Skip()
        {
            if (_tokenType == JsonTokenType.PropertyName)
            {
                if (!Read())
                {
                    return false;
                }
            }

            if (_tokenType != JsonTokenType.StartObject && _tokenType != JsonTokenType.StartArray)
            {
                return _error == JsonReadError.None;
            }

            int depth = _depth;
            while (Read())
            {
                if (_depth < depth)
                {
                    return true;
                }
            }

            return false;
        }

        private bool ReadName(byte b)
        {
            if (b != '"')
            {
                return Fail(JsonReadError.UnexpectedByte, _position);
            }

            if (!ScanString())
            {
                return false;
            }

            SkipWhiteSpace();
            if (_position == _end)
            {
                return Fail(JsonReadError.UnexpectedEnd, _position);
            }

            if (_data[_position] != ':')
            {
                return Fail(JsonReadError.UnexpectedByte, _position);
            }

            _position++;
            _state = ExpectValue;
            _tokenType = JsonTokenType.PropertyName;
            return true;
        }

        private bool ReadValue(byte b)
        {
            switch (b)
            {
                case (byte)'{':
                case (byte)'[':
                    if (_depth == _maxDepth)
                    {
                        return Fail(JsonReadError.TooDeep, _position);
                    }

                    _position++;
                    _depth++;
                    _isObject[_depth] = b == '{';
                    _state = b == '{' ? ExpectNameOrEnd : ExpectValueOrEnd;
                    _tokenType = b == '{' ? JsonTokenType.StartObject : JsonTokenType.StartArray;
                    return true;
                case (byte)'"':
                    if (!ScanString())
                    {
                        return false;
                    }

                    return Scalar(JsonTokenType.String);
                case (byte)'t':
                    return ScanLiteral("true") && Scalar(JsonTokenType.True);
                case (byte)'f':
                    return ScanLiteral("false") && Scalar(JsonTokenType.False);
                case (byte)'n':
                    return ScanLiteral("null") && Scalar(JsonTokenType.Null);
            }

            if (b == '-' || (b >= '0' && b <= '9'))
            {
                return ScanNumber() && Scalar(JsonTokenType.Number);
            }

            return Fail(JsonReadError.UnexpectedByte, _position);
        }

        private bool Scalar(JsonTokenType type)
        {
            _tokenType = type;
            _state = _depth == 0 ? ExpectDocumentEnd : ExpectCommaOrEnd;
            return true;
        }

        private bool CloseContainer(byte b)
        {
            bool isObject = _isObject[_depth];
            if (_depth == 0 || (isObject ? b != '}' : b != ']'))
            {
                return Fail(JsonReadError.UnexpectedByte, _position);
            }

            _position++;
            _depth--;
            _tokenType = isObject ? JsonTokenType.EndObject : JsonTokenType.EndArray;
            _state = _depth == 0 ? ExpectDocumentEnd : ExpectCommaOrEnd;
            return true;
        }

        private bool ScanLiteral(string literal)
        {
            for (int i = 0; i < literal.Length; i++)
            {
                if (_position == _end)
                {
                    return Fail(JsonReadError.UnexpectedEnd, _position);
                }

                if (_data[_position] != literal[i])
                {
                    return Fail(JsonReadError.UnexpectedByte, _position);
                }

                _position++;
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

        private bool ScanNumber()
        {
            int begin = _position;
            bool negative = false;
            ulong mantissa = 0;
            int significant = 0;
            int exponent = 0;
            bool exact = true;

            if (_data[_position] == '-')
            {
                negative = true;
                _position++;
            }

            if (!HasDigit())
            {
                return FailNumber(begin);
            }

            if (_data[_position] == '0')
            {
                _position++;
                if (HasDigit())
                {
                    return FailNumber(begin); // leading zeros are not JSON
                }
            }
            else
            {
                while (HasDigit())
                {
                    AddDigit(_data[_position++] - '0', ref mantissa, ref significant, ref exponent, false);
                }
            }

            if (_position < _end && _data[_position] == '.')
            {
                exact = false;
                _position++;
                if (!HasDigit())
                {
                    return FailNumber(begin);
                }

                while (HasDigit())
                {
                    AddDigit(_data[_position++] - '0', ref mantissa, ref significant, ref exponent, true);
                }
            }

            if (_position < _end && (_data[_position] == 'e' || _data[_position] == 'E'))
            {
                exact = false;
                _position++;
                bool negativeExponent = false;
                if (_position < _end && (_data[_position] == '+' || _data[_position] == '-'))
                {
                    negativeExponent = _data[_position] == '-';
                    _position++;
                }

                if (!HasDigit())
                {
                    return FailNumber(begin);
                }

                int written = 0;
                while (HasDigit())
                {
                    if (written < ExponentLimit)
                    {
                        written = written * 10 + (_data[_position] - '0');
                    }

                    _position++;
                }

                exponent += negativeExponent ? -written : written;
            }

            if (_position - begin > _maxNumberChars)
            {
                return Fail(JsonReadError.NumberTooLong, begin);
            }

            // Up to 19 significant digits are kept exactly, so an integer is exact when nothing was dropped.
            _isInteger = exact && exponent == 0 && (negative ? mantissa <= 9223372036854775808UL : mantissa <= 9223372036854775807UL);
            if (_isInteger)
            {
                _longValue = negative ? (long)(0UL - mantissa) : (long)mantissa;
            }

            _doubleValue = Scale(mantissa, exponent);
            if (negative)
            {
                _doubleValue = -_doubleValue;
            }

            if (!_isInteger)
            {
                _longValue = 0;
            }

            return true;
        }

        private static void AddDigit(int digit, ref ulong mantissa, ref int significant, ref int exponent, bool isFraction)
        {
            if (significant < 19)
            {
                mantissa = mantissa * 10 + (ulong)digit;
                if (mantissa != 0)
                {
                    significant++;
                }

                if (isFraction)
                {
                    exponent--;
                }
            }
            else if (!isFraction)
            {
                exponent++; // a dropped integer digit still scales the value
            }
        }

        private static double Scale(ulong mantissa, int exponent)
        {
            double value = mantissa;
            if (mantissa == 0)
            {
                return 0;
            }

            while (exponent > 22 && value < double.MaxValue)
            {
                value *= 1e22;
                exponent -= 22;
            }

            while (exponent < -22 && value > 0)
            {
                value /= 1e22;
                exponent += 22;
            }

            if (exponent > 0 && exponent <= 22)
            {
                value *= PowersOfTen[exponent];
            }
            else if (exponent < 0 && exponent >= -22)
            {
                value /= PowersOfTen[-exponent];
            }

            return value;
        }

        private bool HasDigit()
        {
            return _position < _end && _data[_position] >= '0' && _data[_position] <= '9';
        }

        private bool FailNumber(int begin)
        {
            if (_position - begin > _maxNumberChars)
            {
                return Fail(JsonReadError.NumberTooLong, begin);
            }

            return Fail(_position == _end ? JsonReadError.UnexpectedEnd : JsonReadError.InvalidNumber, _position);
        }

        private void SkipWhiteSpace()
        {
            while (_position < _end)
            {
                byte b = _data[_position];
                if (b != ' ' && b != '\t' && b != '\n' && b != '\r')
                {
                    return;
                }

                _position++;
            }
        }

        private bool Fail(JsonReadError error, int position)
        {
            _error = error;
            _errorPosition = position - _start;
            _tokenType = JsonTokenType.Error;
            return false;
        }
    }
}
