using System.Text;

namespace StmNode.At
{
    /// <summary>
    /// A ring buffer of the last AT lines sent and received, for diagnostics after a failure. Secrets are masked on
    /// the way in, payloads are recorded by size only and long lines are cut, so the trace stays small and can be
    /// shown or uploaded as is.
    /// </summary>
    public sealed class AtTrace
    {
        /// <summary>Longest entry kept whole.</summary>
        public const int MaxEntryChars = 120;

        private readonly string[] _entries;
        private int _next;
        private int _count;

        public AtTrace(int capacity)
        {
            _entries = new string[capacity < 1 ? 1 : capacity];
        }

        public int Count
        {
            get { return _count; }
        }

        /// <summary>The i-th oldest entry still held.</summary>
        public string this[int index]
        {
            get
            {
                int start = _count < _entries.Length ? 0 : _next;
                return _entries[(start + index) % _entries.Length];
            }
        }

        public void Sent(string line)
        {
            Add("> " + AtSecretMask.Apply(line));
        }

        public void Received(string line)
        {
            Add("< " + AtSecretMask.Apply(line));
        }

        public void Note(string text)
        {
            Add("# " + text);
        }

        /// <summary>All entries, oldest first, one per line.</summary>
        public string Dump()
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < _count; i++)
            {
                text.Append(this[i]);
                text.Append('\n');
            }

            return text.ToString();
        }

        private void Add(string entry)
        {
            // Long lines (a BC26 downlink in hex) are cut: the ring stays small on the device and holds no payloads.
            if (entry.Length > MaxEntryChars)
            {
                entry = entry.Substring(0, MaxEntryChars) + "...(" + entry.Length.ToString() + " chars)";
            }

            _entries[_next] = entry;
            _next = (_next + 1) % _entries.Length;
            if (_count < _entries.Length)
            {
                _count++;
            }
        }
    }
}
