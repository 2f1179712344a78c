#nullable enable
using System;
using System.IO;
using System.Threading;
using StmNode.Host.Emulators;
using StmNode.Ports;

namespace StmNode.Host.Adapters
{
    /// <summary>
    /// Core's <see cref="IByteStream"/> over any duplex <see cref="Stream"/> (an emulator pipe, a pty, a TCP stream).
    /// A pump thread moves incoming bytes into a buffer so reads get exact timeout semantics whatever the stream:
    /// 0 on timeout, -1 once the stream has ended and the buffer is drained.
    /// </summary>
    public sealed class StreamSerialLine : IByteStream, IDisposable
    {
        private readonly Stream _stream;
        private readonly ByteChannel _received = new ByteChannel();
        private readonly object _writeGate = new object();
        private volatile bool _closed;

        public StreamSerialLine(Stream stream)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            var pump = new Thread(Pump) { IsBackground = true, Name = "StreamSerialLine pump" };
            pump.Start();
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (buffer == null || offset < 0 || count < 0 || offset + count > buffer.Length)
            {
                return -1;
            }

            if (count == 0)
            {
                return 0;
            }

            return _received.Read(buffer, offset, count, timeoutMs < 0 ? 0 : timeoutMs);
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            if (_closed || buffer == null || offset < 0 || count < 0 || offset + count > buffer.Length)
            {
                return false;
            }

            try
            {
                lock (_writeGate)
                {
                    _stream.Write(buffer, offset, count);
                    _stream.Flush();
                }

                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is ObjectDisposedException || ex is InvalidOperationException || ex is NotSupportedException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            _closed = true;
            _stream.Dispose();
            _received.Close();
        }

        private void Pump()
        {
            var buffer = new byte[4096];
            try
            {
                while (!_closed)
                {
                    int n = _stream.Read(buffer, 0, buffer.Length);
                    if (n <= 0)
                    {
                        break;
                    }

                    _received.Write(new ReadOnlySpan<byte>(buffer, 0, n));
                }
            }
            catch (Exception ex) when (ex is IOException || ex is ObjectDisposedException || ex is InvalidOperationException || ex is TimeoutException)
            {
                // The stream is gone: readers see -1 once the buffer is drained.
            }
            finally
            {
                _received.Close();
            }
        }
    }
}
