using StmNode.Ports;

namespace StmNode.Benchmarks
{
    /// <summary>A serial line whose far end can be swapped: connect through the emulator, then measure on another.</summary>
    public sealed class SwitchableLine : IByteStream
    {
        public SwitchableLine(IByteStream inner)
        {
            Inner = inner;
        }

        public IByteStream Inner { get; set; }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs) => Inner.Read(buffer, offset, count, timeoutMs);

        public bool Write(byte[] buffer, int offset, int count) => Inner.Write(buffer, offset, count);
    }
}
