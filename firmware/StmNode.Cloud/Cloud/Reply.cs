using System.Collections;
using StmNode.Json;

namespace StmNode.Cloud
{
    /// <summary>
    /// The node's answer to a command or property set: a result code (0 = success), a short text ("success", or why
    /// not) and, for a command, the response's parameters in order (integers or text). The profile puts each where its
    /// protocol has room for it: IoTDA's command response has the text as "result" and the parameters in "paras", its
    /// property-set response the text as "result_desc"; an Alink service reply has the parameters as "data" and a
    /// failure's text as "message".
    /// </summary>
    public sealed class Reply
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _values = new ArrayList();

        public Reply(int resultCode, string text)
        {
            ResultCode = resultCode;
            Text = text;
        }

        public int ResultCode { get; }

        public string Text { get; }

        public bool IsSuccess
        {
            get { return ResultCode == 0; }
        }

        public int Count
        {
            get { return _names.Count; }
        }

        public Reply Add(string name, long value)
        {
            _names.Add(name);
            _values.Add(value);
            return this;
        }

        public Reply Add(string name, string value)
        {
            _names.Add(name);
            _values.Add(value == null ? "" : value);
            return this;
        }

        public string NameAt(int index)
        {
            return (string)_names[index];
        }

        /// <summary>A boxed long or a string.</summary>
        public object ValueAt(int index)
        {
            return _values[index];
        }

        /// <summary>Writes the parameters as members of the object the writer has open.</summary>
        public void WriteParameters(JsonWriter writer)
        {
            for (int i = 0; i < _names.Count; i++)
            {
                object value = _values[i];
                if (value is long)
                {
                    writer.WriteLong((string)_names[i], (long)value);
                }
                else
                {
                    writer.WriteString((string)_names[i], (string)value);
                }
            }
        }
    }
}
