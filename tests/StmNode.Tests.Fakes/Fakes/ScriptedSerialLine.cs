using System.Collections;
using System.Text;
using StmNode.Ports;

namespace StmNode.Tests.Fakes
{
    /// <summary>
    /// An <see cref="IByteStream"/> driven by the test: it queues inbound bytes (each queued item is one chunk that a
    /// Read never crosses), records everything written, and can answer written content with queued replies (a modem
    /// answering "AT\r" with "OK", a broker answering CONNECT with CONNACK). When nothing is queued a Read advances the
    /// <see cref="ManualClock"/> by its timeout and returns 0, so waits cost virtual time only.
    /// </summary>
    public sealed class ScriptedSerialLine : IByteStream
    {
        private readonly ManualClock _clock;
        private readonly ArrayList _chunks = new ArrayList();
        private readonly ArrayList _rules = new ArrayList();
        private byte[] _written = new byte[256];
        private int _writtenCount;
        private int _chunkOffset;
        private bool _closed;

        public ScriptedSerialLine(ManualClock clock)
        {
            _clock = clock;
        }

        /// <summary>At most this many bytes per Read (0 = a whole chunk); 1 delivers byte by byte.</summary>
        public int MaxReadSize;

        /// <summary>When true every Write fails (returns false) and writes nothing.</summary>
        public bool FailWrites;

        /// <summary>When not negative, writes fail once <see cref="WriteCount"/> has reached it (a link that dies mid-exchange).</summary>
        public int FailWritesFromCount = -1;

        /// <summary>Number of Read calls, to check a reader does not spin.</summary>
        public int ReadCount { get; private set; }

        /// <summary>Number of successful Write calls.</summary>
        public int WriteCount { get; private set; }

        /// <summary>Bytes queued but not read yet.</summary>
        public int PendingCount
        {
            get
            {
                int count = -_chunkOffset;
                for (int i = 0; i < _chunks.Count; i++)
                {
                    count += ((byte[])_chunks[i]).Length;
                }

                return count;
            }
        }

        /// <summary>Queues one inbound chunk.</summary>
        public void Enqueue(byte[] bytes)
        {
            if (bytes.Length > 0)
            {
                _chunks.Add(bytes);
            }
        }

        /// <summary>Queues the bytes split into chunks of chunkSize (the last one may be shorter).</summary>
        public void EnqueueChunked(byte[] bytes, int chunkSize)
        {
            for (int start = 0; start < bytes.Length; start += chunkSize)
            {
                int count = bytes.Length - start < chunkSize ? bytes.Length - start : chunkSize;
                byte[] chunk = new byte[count];
                for (int i = 0; i < count; i++)
                {
                    chunk[i] = bytes[start + i];
                }

                _chunks.Add(chunk);
            }
        }

        /// <summary>Queues the UTF-8 bytes of text as one chunk (e.g. "\r\nOK\r\n").</summary>
        public void EnqueueText(string text)
        {
            Enqueue(Encoding.UTF8.GetBytes(text));
        }

        /// <summary>
        /// Whenever the written stream contains trigger (only bytes written after the rule was added, and after its
        /// previous match; a match may span several writes), queues reply. With repeat false the rule fires once.
        /// </summary>
        public void AddReply(byte[] trigger, byte[] reply, bool repeat)
        {
            _rules.Add(new ReplyRule(trigger, reply, repeat, _writtenCount));
        }

        /// <summary><see cref="AddReply(byte[], byte[], bool)"/> with UTF-8 text.</summary>
        public void AddTextReply(string trigger, string reply, bool repeat)
        {
            AddReply(Encoding.UTF8.GetBytes(trigger), Encoding.UTF8.GetBytes(reply), repeat);
        }

        /// <summary>Closes the line once the queued bytes are read: later Reads return -1 and Writes fail.</summary>
        public void Close()
        {
            _closed = true;
        }

        /// <summary>A copy of every byte written so far.</summary>
        public byte[] Written()
        {
            byte[] copy = new byte[_writtenCount];
            for (int i = 0; i < _writtenCount; i++)
            {
                copy[i] = _written[i];
            }

            return copy;
        }

        /// <summary>Everything written, as text (for AT commands).</summary>
        public string WrittenText()
        {
            return new string(Encoding.UTF8.GetChars(_written, 0, _writtenCount));
        }

        /// <summary>Everything written, as hex pairs ("C0 00 …").</summary>
        public string WrittenHex()
        {
            return HexBytes.Format(_written, 0, _writtenCount);
        }

        /// <summary>Forgets what was written (reply rules keep working on later writes).</summary>
        public void ClearWritten()
        {
            _writtenCount = 0;
            for (int i = 0; i < _rules.Count; i++)
            {
                ((ReplyRule)_rules[i]).SearchFrom = 0;
            }
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            ReadCount++;
            if (_chunks.Count == 0)
            {
                if (_closed)
                {
                    return -1;
                }

                _clock.Advance(timeoutMs > 0 ? timeoutMs : 0);
                return 0;
            }

            byte[] chunk = (byte[])_chunks[0];
            int available = chunk.Length - _chunkOffset;
            int n = count < available ? count : available;
            if (MaxReadSize > 0 && n > MaxReadSize)
            {
                n = MaxReadSize;
            }

            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = chunk[_chunkOffset + i];
            }

            _chunkOffset += n;
            if (_chunkOffset == chunk.Length)
            {
                _chunks.RemoveAt(0);
                _chunkOffset = 0;
            }

            return n;
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            if (FailWrites || _closed || (FailWritesFromCount >= 0 && WriteCount >= FailWritesFromCount))
            {
                return false;
            }

            if (_writtenCount + count > _written.Length)
            {
                byte[] larger = new byte[(_writtenCount + count) * 2];
                for (int i = 0; i < _writtenCount; i++)
                {
                    larger[i] = _written[i];
                }

                _written = larger;
            }

            for (int i = 0; i < count; i++)
            {
                _written[_writtenCount + i] = buffer[offset + i];
            }

            _writtenCount += count;
            WriteCount++;
            ApplyRules();
            return true;
        }

        private void ApplyRules()
        {
            for (int r = 0; r < _rules.Count; r++)
            {
                ReplyRule rule = (ReplyRule)_rules[r];
                int match = IndexOf(rule.Trigger, rule.SearchFrom);
                while (match >= 0 && !rule.Spent)
                {
                    Enqueue(rule.Reply);
                    rule.SearchFrom = match + rule.Trigger.Length;
                    rule.Spent = !rule.Repeat;
                    match = IndexOf(rule.Trigger, rule.SearchFrom);
                }
            }
        }

        private int IndexOf(byte[] pattern, int from)
        {
            for (int start = from; start + pattern.Length <= _writtenCount; start++)
            {
                int i = 0;
                while (i < pattern.Length && _written[start + i] == pattern[i])
                {
                    i++;
                }

                if (i == pattern.Length)
                {
                    return start;
                }
            }

            return -1;
        }

        private sealed class ReplyRule
        {
            public readonly byte[] Trigger;
            public readonly byte[] Reply;
            public readonly bool Repeat;
            public int SearchFrom;
            public bool Spent;

            public ReplyRule(byte[] trigger, byte[] reply, bool repeat, int searchFrom)
            {
                Trigger = trigger;
                Reply = reply;
                Repeat = repeat;
                SearchFrom = searchFrom;
            }
        }
    }
}
