#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// One direction of an in-memory byte pipe: unbounded, thread-safe, with bounded blocking reads.
    /// </summary>
    internal sealed class ByteChannel
    {
        private readonly object _gate = new object();
        private readonly Queue<byte> _bytes = new Queue<byte>();
        private bool _closed;

        /// <summary>Appends bytes; returns false when the channel is closed.</summary>
        public bool Write(ReadOnlySpan<byte> data)
        {
            lock (_gate)
            {
                if (_closed)
                {
                    return false;
                }

                foreach (byte b in data)
                {
                    _bytes.Enqueue(b);
                }

                Monitor.PulseAll(_gate);
                return true;
            }
        }

        /// <summary>
        /// Reads up to <paramref name="count"/> bytes, waiting at most <paramref name="timeoutMs"/> (negative = forever) for the first.
        /// Returns the count read, 0 on timeout, -1 when closed and drained.
        /// </summary>
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            long deadline = timeoutMs < 0 ? long.MaxValue : Environment.TickCount64 + timeoutMs;
            lock (_gate)
            {
                while (_bytes.Count == 0)
                {
                    if (_closed)
                    {
                        return -1;
                    }

                    if (timeoutMs < 0)
                    {
                        Monitor.Wait(_gate);
                        continue;
                    }

                    long remaining = deadline - Environment.TickCount64;
                    if (remaining <= 0)
                    {
                        return 0;
                    }

                    Monitor.Wait(_gate, (int)Math.Min(remaining, int.MaxValue));
                }

                int n = 0;
                while (n < count && _bytes.Count > 0)
                {
                    buffer[offset + n] = _bytes.Dequeue();
                    n++;
                }

                return n;
            }
        }

        /// <summary>Closes the channel: readers drain what is left, then see end of stream.</summary>
        public void Close()
        {
            lock (_gate)
            {
                _closed = true;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
