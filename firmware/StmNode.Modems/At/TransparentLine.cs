using System;
using StmNode.Ports;

namespace StmNode.At
{
    /// <summary>
    /// The byte stream of a modem socket in transparent mode, as an <see cref="IByteStream"/>. When the modem reports
    /// the remote close with <c>NO CARRIER</c> it is back in command mode, so from then on every write is refused:
    /// stream bytes (an MQTT payload holding "AT…\r") must never reach the AT interpreter. Writes first look at what
    /// already arrived to catch that report as early as possible.
    /// </summary>
    public sealed class TransparentLine : IByteStream
    {
        private static readonly byte[] NoCarrier = { 13, 10, (byte)'N', (byte)'O', (byte)' ', (byte)'C', (byte)'A', (byte)'R', (byte)'R', (byte)'I', (byte)'E', (byte)'R', 13, 10 };
        private readonly AtChannel _channel;
        private readonly bool _watchNoCarrier;
        private readonly byte[] _ahead = new byte[512];
        private int _aheadStart;
        private int _aheadCount;
        private int _match;

        public TransparentLine(AtChannel channel, bool watchNoCarrier)
        {
            _channel = channel;
            _watchNoCarrier = watchNoCarrier;
        }

        /// <summary>True once the remote side closed (NO CARRIER seen) or the stream was closed locally.</summary>
        public bool IsClosed { get; private set; }

        /// <summary>True when the modem itself left transparent mode (remote close).</summary>
        public bool RemoteClosed { get; private set; }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (_aheadCount > 0)
            {
                int n = Math.Min(count, _aheadCount);
                Array.Copy(_ahead, _aheadStart, buffer, offset, n);
                _aheadStart += n;
                _aheadCount -= n;
                return n;
            }

            if (IsClosed)
            {
                return -1;
            }

            int read = _channel.ReadRaw(buffer, offset, count, timeoutMs);
            if (read < 0)
            {
                IsClosed = true;
                return -1;
            }

            Scan(buffer, offset, read);
            return read;
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            PeekAhead();
            if (IsClosed)
            {
                return false;
            }

            return _channel.WriteRaw(buffer, offset, count);
        }

        /// <summary>Marks the stream closed locally (the connector has left transparent mode).</summary>
        public void MarkClosed()
        {
            IsClosed = true;
        }

        /// <summary>Moves whatever already arrived (without waiting) into the look-ahead buffer, scanning it.</summary>
        private void PeekAhead()
        {
            if (_aheadCount == 0)
            {
                _aheadStart = 0;
            }

            while (!IsClosed && _aheadStart + _aheadCount < _ahead.Length)
            {
                int free = _ahead.Length - _aheadStart - _aheadCount;
                int read = _channel.ReadRaw(_ahead, _aheadStart + _aheadCount, free, 0);
                if (read <= 0)
                {
                    return;
                }

                Scan(_ahead, _aheadStart + _aheadCount, read);
                _aheadCount += read;
            }
        }

        private void Scan(byte[] data, int offset, int count)
        {
            if (!_watchNoCarrier)
            {
                return;
            }

            for (int i = offset; i < offset + count; i++)
            {
                byte b = data[i];
                _match = b == NoCarrier[_match] ? _match + 1 : (b == 13 ? 1 : 0);
                if (_match == NoCarrier.Length)
                {
                    IsClosed = true;
                    RemoteClosed = true;
                    _match = 0;
                    _channel.ExitTransparent();
                }
            }
        }
    }
}
