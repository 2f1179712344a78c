#nullable enable
using System.Collections.Generic;
using System.IO;

namespace StmNode.IntegrationTests.Emulators
{
    /// <summary>Passes everything through to an inner stream and records the size of every write.</summary>
    public sealed class RecordingStream : Stream
    {
        private readonly Stream _inner;
        private readonly List<int> _writes = new List<int>();

        public RecordingStream(Stream inner)
        {
            _inner = inner;
        }

        public override bool CanRead => true;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override long Length => _inner.Length;
        public override long Position { get => _inner.Position; set => _inner.Position = value; }

        public int[] WriteSizes()
        {
            lock (_writes)
            {
                return _writes.ToArray();
            }
        }

        public void ClearWrites()
        {
            lock (_writes)
            {
                _writes.Clear();
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (_writes)
            {
                _writes.Add(count);
            }

            _inner.Write(buffer, offset, count);
        }

        public override void Flush() => _inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

        public override void SetLength(long value) => _inner.SetLength(value);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
