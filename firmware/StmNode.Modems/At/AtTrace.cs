// nano-hot: runs for every byte, line or report; the guard (PortabilityScanner) keeps StartsWith and text[i] loops out.
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

        // Each entry's mark ('>' sent, '<' received, '#' note), kept apart from its text so recording a line does not
        // copy it; 0 marks an entry stored whole (a cut long line), 'D' / 'Z' a data block (without / with Ctrl-Z)
        // whose size is in _sizes. Entries are composed only when read.
        private readonly char[] _marks;
        private readonly int[] _sizes;
        private int _next;
        private int _count;

        public AtTrace(int capacity)
        {
            _entries = new string[capacity < 1 ? 1 : capacity];
            _marks = new char[_entries.Length];
            _sizes = new int[_entries.Length];
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
                int slot = (start + index) % _entries.Length;
                char mark = _marks[slot];
                if (mark == 'D' || mark == 'Z')
                {
                    return "> [" + _sizes[slot].ToString() + " data bytes" + (mark == 'Z' ? " + ^Z]" : "]");
                }

                return mark == (char)0 ? _entries[slot] : mark.ToString() + " " + _entries[slot];
            }
        }

        public void Sent(string line)
        {
            Add('>', AtSecretMask.Apply(line));
        }

        /// <summary>A data block written after a prompt: recorded by size only, never its bytes.</summary>
        public void SentData(int count, bool ctrlZ)
        {
            Put(ctrlZ ? 'Z' : 'D', null, count);
        }

        public void Received(string line)
        {
            Add('<', AtSecretMask.Apply(line));
        }

        public void Note(string text)
        {
            Add('#', text);
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

        private void Add(char mark, string text)
        {
            if (text == null)
            {
                text = string.Empty;
            }

            // Long lines (a BC26 downlink in hex) are cut: the ring stays small on the device and holds no payloads.
            if (text.Length + 2 > MaxEntryChars)
            {
                string entry = mark.ToString() + " " + text;
                text = entry.Substring(0, MaxEntryChars) + "...(" + entry.Length.ToString() + " chars)";
                mark = (char)0;
            }

            Put(mark, text, 0);
        }

        private void Put(char mark, string text, int size)
        {
            _marks[_next] = mark;
            _entries[_next] = text;
            _sizes[_next] = size;
            _next = (_next + 1) % _entries.Length;
            if (_count < _entries.Length)
            {
                _count++;
            }
        }
    }
}
