namespace StmNode.Ports
{
    /// <summary>Where Core's log lines go (Debug output on the device, the console on a PC, a list in tests).</summary>
    public interface ILog
    {
        /// <summary>True when a line of this level would be written; check it before building an expensive message.</summary>
        bool IsEnabled(LogLevel level);

        /// <summary>Writes one line. <paramref name="source"/> names the component (e.g. "AT", "Node").</summary>
        void Write(LogLevel level, string source, string message);
    }
}
