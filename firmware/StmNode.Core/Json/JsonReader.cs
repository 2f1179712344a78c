namespace StmNode.Json
{
    /// <summary>
    /// A pull reader over UTF-8 JSON in a byte array. It checks the whole grammar (RFC 8259), validates UTF-8 and
    /// escapes, and enforces limits on nesting, string length and number length, so hostile or truncated input
    /// ends in <see cref="JsonTokenType.Error"/> with a reason and a byte position, never in an exception.
    /// Strings are decoded into a scratch buffer allocated once; <see cref="GetString"/> allocates the string only
    /// when asked. Numbers are parsed digit by digit (no culture, no allocation).
    /// </summary>
    public sealed partial class JsonReader
    {
        private const int ExpectValue = 0;
        private const int ExpectValueOrEnd = 1;
        private const int ExpectName = 2;
        private const int ExpectNameOrEnd = 3;
        private const int ExpectCommaOrEnd = 4;
        private const int ExpectDocumentEnd = 5;

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
