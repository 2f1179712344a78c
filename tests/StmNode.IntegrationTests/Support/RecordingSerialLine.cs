using System;
using System.Collections.Generic;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Support
{
    /// <summary>Passes everything through and keeps each write the device made as one chunk, in order.</summary>
    public sealed class RecordingSerialLine : IByteStream
    {
        private readonly IByteStream _inner;
        private readonly List<byte[]> _writes = new List<byte[]>();

        public RecordingSerialLine(IByteStream inner)
        {
            _inner = inner;
        }

        public long BytesWritten { get; private set; }

        public long BytesRead { get; private set; }

        public List<byte[]> Writes
        {
            get
            {
                lock (_writes)
                {
                    return new List<byte[]>(_writes);
                }
            }
        }

        public void ClearWrites()
        {
            lock (_writes)
            {
                _writes.Clear();
            }
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            int n = _inner.Read(buffer, offset, count, timeoutMs);
            if (n > 0)
            {
                BytesRead += n;
            }

            return n;
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            lock (_writes)
            {
                _writes.Add(buffer.AsSpan(offset, count).ToArray());
                BytesWritten += count;
            }

            return _inner.Write(buffer, offset, count);
        }
    }
}
