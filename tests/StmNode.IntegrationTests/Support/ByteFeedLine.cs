using System;
using System.Collections.Generic;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Support
{
    /// <summary>
    /// A serial line that hands out a fixed modem output in chunks of the given sizes (any split), then stays silent:
    /// a read with nothing left advances the virtual clock by its timeout. Everything written is kept.
    /// </summary>
    public sealed class ByteFeedLine : ISerialLine
    {
        private readonly byte[] _input;
        private readonly int[] _chunks;
        private readonly VirtualClock _clock;
        private int _position;
        private int _chunk;

        public ByteFeedLine(byte[] input, int[] chunks, VirtualClock clock)
        {
            _input = input;
            _chunks = chunks.Length == 0 ? new[] { 1 } : chunks;
            _clock = clock;
        }

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
            _clock.Advance(1);
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
