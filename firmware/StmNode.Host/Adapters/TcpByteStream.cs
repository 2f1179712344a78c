using System;
using System.IO;
using System.Net.Sockets;
using System.Threading.Tasks;
using StmNode.Ports;

namespace StmNode.Host.Adapters
{
    /// <summary>
    /// An <see cref="IByteStream"/> over a TCP (or TLS) stream. Reads keep one receive outstanding and wait for it at
    /// most the caller's timeout, so a timed-out Read never cancels (and never corrupts) a TLS stream.
    /// </summary>
    public sealed class TcpByteStream : IByteStream, IDisposable
    {
        private readonly TcpClient _client;
        private readonly Stream _stream;
        private readonly byte[] _buffer = new byte[4096];
        private int _start;
        private int _end;
        private Task<int> _pending;
        private bool _closed;

        public TcpByteStream(TcpClient client, Stream stream)
        {
            _client = client;
            _stream = stream;
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (_start == _end)
            {
                if (_closed)
                {
                    return -1;
                }

                try
                {
                    _pending ??= _stream.ReadAsync(_buffer, 0, _buffer.Length);
                    if (!_pending.Wait(Math.Max(0, timeoutMs)))
                    {
                        return 0;
                    }

                    int received = _pending.Result;
                    _pending = null;
                    if (received <= 0)
                    {
                        _closed = true;
                        return -1;
                    }

                    _start = 0;
                    _end = received;
                }
                catch (Exception e) when (e is AggregateException || e is IOException || e is ObjectDisposedException || e is SocketException)
                {
                    _closed = true;
                    return -1;
                }
            }

            int n = Math.Min(count, _end - _start);
            Array.Copy(_buffer, _start, buffer, offset, n);
            _start += n;
            return n;
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            if (_closed)
            {
                return false;
            }

            try
            {
                _stream.Write(buffer, offset, count);
                _stream.Flush();
                return true;
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is SocketException || e is InvalidOperationException)
            {
                _closed = true;
                return false;
            }
        }

        /// <summary>Closes the connection; never throws (a TLS close_notify to a dead peer may fail).</summary>
        public void Dispose()
        {
            _closed = true;
            try
            {
                _stream.Dispose();
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is SocketException)
            {
                // The peer is gone already; nothing left to release but the socket.
            }

            _client.Dispose();
        }
    }
}
