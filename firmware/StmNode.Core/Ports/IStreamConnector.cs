namespace StmNode.Ports
{
    /// <summary>
    /// Opens a byte stream to a host: a TCP socket on a PC, a modem's transparent TCP socket over its UART.
    /// Core's MQTT 3.1.1 client uses it, so the same client runs over any of them.
    /// </summary>
    public interface IStreamConnector
    {
        /// <summary>Human-readable detail of the last failure.</summary>
        string LastError { get; }

        /// <summary>Opens a stream, waiting at most timeoutMs. Returns null on failure (see <see cref="LastError"/>).</summary>
        IByteStream Open(string host, int port, bool useTls, int timeoutMs);

        /// <summary>Closes a stream opened by <see cref="Open"/>; never throws.</summary>
        void Close(IByteStream stream);
    }
}
