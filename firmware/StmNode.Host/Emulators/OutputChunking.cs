#nullable enable
namespace StmNode.Host.Emulators
{
    /// <summary>How the emulator cuts its output into writes, to split lines at every position.</summary>
    public enum OutputChunking
    {
        /// <summary>Each response or URC is one write.</summary>
        None,

        /// <summary>One byte per write.</summary>
        ByteByByte,

        /// <summary>Writes of 1–8 bytes, sizes drawn from the seeded random source.</summary>
        RandomChunks,
    }
}
