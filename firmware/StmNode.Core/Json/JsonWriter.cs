// nano-hot: runs for every byte, line or report; the guard (PortabilityScanner) keeps StartsWith and text[i] loops out.
using System;
namespace StmNode.Json
{
    /// <summary>
    /// Writes JSON as UTF-8 straight into a caller-owned byte array. It allocates nothing after construction:
    /// numbers are written digit by digit and strings are encoded char by char, so a report can be built on
    /// every cycle without feeding the garbage collector. Problems (a full buffer, calls out of order, NaN) never
    /// throw: the first one is kept in <see cref="Error"/> and every later call does nothing.
    /// </summary>
    public sealed partial class JsonWriter
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
                    PutBytes(NullBytes);
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

        public void WriteBool(bool value)
        {
            if (BeginValue())
            {
                PutBytes(value ? TrueBytes : FalseBytes);
            }
        }

        public void WriteNull()
        {
            if (BeginValue())
            {
                PutBytes(NullBytes);
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

        // Literals as bytes once: on nanoFramework every evaluation of a string literal allocates a new string.
        private static readonly byte[] NullBytes = new byte[] { (byte)'n', (byte)'u', (byte)'l', (byte)'l' };
        private static readonly byte[] TrueBytes = new byte[] { (byte)'t', (byte)'r', (byte)'u', (byte)'e' };
        private static readonly byte[] FalseBytes = new byte[] { (byte)'f', (byte)'a', (byte)'l', (byte)'s', (byte)'e' };

        private void PutBytes(byte[] bytes)
        {
            if (_error != JsonWriteError.None)
            {
                return;
            }

            if (_end - _position < bytes.Length)
            {
                _error = JsonWriteError.Overflow;
                return;
            }

            Array.Copy(bytes, 0, _buffer, _position, bytes.Length);
            _position += bytes.Length;
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
