namespace StmNode.Ports
{
    /// <summary>
    /// A full-duplex byte stream: the UART to a modem (a serial line), a modem's transparent socket, or a TCP socket.
    /// Failures are return values, not exceptions: a field node must never die on a flaky line.
    /// </summary>
    public interface IByteStream
    {
        /// <summary>
        /// Reads up to <paramref name="count"/> bytes, waiting at most <paramref name="timeoutMs"/> for the first.
        /// Returns the number of bytes read, 0 when nothing arrived in time, -1 when the line is closed for good.
        /// </summary>
        int Read(byte[] buffer, int offset, int count, int timeoutMs);

        /// <summary>Writes all bytes. Returns false when the line is closed or the write failed.</summary>
        bool Write(byte[] buffer, int offset, int count);
    }
}
