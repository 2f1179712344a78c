using System;
using System.Text;
using StmNode.Cloud;
using StmNode.Json;

namespace StmNode.Tests.Fakes
{
    /// <summary>
    /// <see cref="FakeCloud"/>'s report shape: "service|eventTime|k=v;k=v" with the event time as IoTDA writes it
    /// ("-" when none), doubles with the asked decimals, booleans as true/false.
    /// </summary>
    public sealed class FakeReportEncoder : IReportEncoder
    {
        private readonly StringBuilder _text = new StringBuilder();
        private byte[] _buffer;
        private int _offset;
        private int _capacity;
        private int _values;

        public JsonWriteError Error { get; private set; }

        public void Begin(byte[] buffer, int offset, int capacity)
        {
            _buffer = buffer;
            _offset = offset;
            _capacity = capacity;
            _text.Clear();
            Error = JsonWriteError.None;
        }

        public void BeginService(string serviceId)
        {
            _text.Append(serviceId).Append("|-|");
            _values = 0;
        }

        public void BeginService(string serviceId, DateTime eventTimeUtc)
        {
            _text.Append(serviceId).Append('|').Append(FormatTime(eventTimeUtc)).Append('|');
            _values = 0;
        }

        public void AddInt(string name, long value)
        {
            Add(name, value.ToString());
        }

        public void AddDouble(string name, double value, int decimals)
        {
            Add(name, value.ToString("F" + decimals.ToString()));
        }

        public void AddBool(string name, bool value)
        {
            Add(name, value ? "true" : "false");
        }

        public void AddString(string name, string value)
        {
            Add(name, value);
        }

        public void EndService()
        {
        }

        public int End()
        {
            int length = Copy(_text.ToString(), _buffer, _offset, _capacity);
            if (length < 0)
            {
                Error = JsonWriteError.Overflow;
            }

            return length;
        }

        /// <summary>The event time as IoTDA writes it (yyyyMMddTHHmmssZ).</summary>
        public static string FormatTime(DateTime utc)
        {
            return utc.Year.ToString("D4") + utc.Month.ToString("D2") + utc.Day.ToString("D2") + "T"
                + utc.Hour.ToString("D2") + utc.Minute.ToString("D2") + utc.Second.ToString("D2") + "Z";
        }

        /// <summary>The text's UTF-8 length once copied into the buffer, or -1 when it does not fit.</summary>
        public static int Copy(string text, byte[] buffer, int offset, int capacity)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            if (bytes.Length > capacity)
            {
                return -1;
            }

            Array.Copy(bytes, 0, buffer, offset, bytes.Length);
            return bytes.Length;
        }

        private void Add(string name, string value)
        {
            if (_values++ > 0)
            {
                _text.Append(';');
            }

            _text.Append(name).Append('=').Append(value);
        }
    }
}
