using System;
using System.Collections.Generic;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Support
{
    /// <summary>
    /// A serial line that hands out a fixed modem output in chunks of the given sizes (any split), then stays silent:
    /// data advances the virtual clock by its wire time at 115200 baud (10 bits a byte), a read with nothing left by
    /// its timeout. Everything written is kept.
    /// </summary>
    public sealed class ByteFeedLine : IByteStream
    {
        private readonly byte[] _input;
        private readonly int[] _chunks;
        private readonly VirtualClock _clock;
        private int _position;
        private int _chunk;
        private long _wireMicros;

        public ByteFeedLine(byte[] input, int[] chunks, VirtualClock clock)
        {
            _input = input;
            _chunks = chunks.Length == 0 ? new[] { 1 } : chunks;
            _clock = clock;
        }

        /// <summary>One byte at 115200 baud, 8N1: 10 bits, 86.8 µs.</summary>
        public const long WireMicrosPerByte = 87;

        public List<byte> Written { get; } = new List<byte>();

        public bool Exhausted => _position >= _input.Length;

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (Exhausted)
            {
                _clock.Advance(Math.Max(timeoutMs, 1));
                return 0;
            }

            int size = Math.Max(1, _chunks[_chunk++ % _chunks.Length]);
            int n = Math.Min(Math.Min(size, count), _input.Length - _position);
            Array.Copy(_input, _position, buffer, offset, n);
            _position += n;
            _wireMicros += n * WireMicrosPerByte;
            _clock.Advance(_wireMicros / 1000);
            _wireMicros %= 1000;
            return n;
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                Written.Add(buffer[offset + i]);
            }

            return true;
        }
    }
}
