#nullable enable
using System;
using System.IO;

namespace StmNode.Host.Emulators
{
    /// <summary>One end of a <see cref="DuplexPipe"/>: reads one channel, writes the other.</summary>
    internal sealed class PipeEndStream : Stream
    {
        private readonly ByteChannel _input;
        private readonly ByteChannel _output;

        public PipeEndStream(ByteChannel input, ByteChannel output)
        {
            _input = input;
            _output = output;
        }

        public override bool CanRead => true;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override bool CanTimeout => true;
        public override int ReadTimeout { get; set; } = System.Threading.Timeout.Infinite;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = _input.Read(buffer, offset, count, ReadTimeout);
            if (n == 0)
            {
                throw new TimeoutException("No data within ReadTimeout.");
            }

            return n < 0 ? 0 : n;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (!_output.Write(new ReadOnlySpan<byte>(buffer, offset, count)))
            {
                throw new IOException("The pipe is closed.");
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _input.Close();
                _output.Close();
            }

            base.Dispose(disposing);
        }
    }
}
