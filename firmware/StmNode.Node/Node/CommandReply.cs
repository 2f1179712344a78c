using System.Collections;

namespace StmNode.Node
{
    /// <summary>The node's answer to a command: result code (0 = success), response name and string parameters, in order.</summary>
    public sealed class CommandReply
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _values = new ArrayList();

        public CommandReply(int resultCode, string responseName)
        {
            ResultCode = resultCode;
            ResponseName = responseName;
        }

        public int ResultCode { get; private set; }

        public string ResponseName { get; private set; }

        public int Count
        {
            get { return _names.Count; }
        }

        public CommandReply Add(string name, string value)
        {
            _names.Add(name);
            _values.Add(value == null ? "" : value);
            return this;
        }

        public string NameAt(int index)
        {
            return (string)_names[index];
        }

        public string ValueAt(int index)
        {
            return (string)_values[index];
        }

        /// <summary>The value of a parameter, or null.</summary>
        public string Find(string name)
        {
            int index = _names.IndexOf(name);
            return index < 0 ? null : (string)_values[index];
        }
    }
}
