namespace StmNode.At
{
    /// <summary>
    /// One AT command as data: its text, which intermediate lines belong to it, how long it may take and which
    /// lines besides OK / ERROR / +CME ERROR / +CMS ERROR end it.
    /// </summary>
    public sealed class AtCommand
    {
        public AtCommand(string text, string responsePrefix, int timeoutMs)
        {
            Text = text;
            ResponsePrefix = responsePrefix;
            TimeoutMs = timeoutMs;
        }

        /// <summary>The command line without its line ending, e.g. <c>AT+CSQ</c>.</summary>
        public string Text;

        /// <summary>
        /// Lines starting with this belong to the command even when a URC handler knows the prefix; null collects
        /// every line that no URC handler claims.
        /// </summary>
        public string ResponsePrefix;

        public int TimeoutMs;

        /// <summary>Extra lines (exact, trimmed) that end the command successfully, e.g. <c>SEND OK</c>.</summary>
        public string[] SuccessFinals;

        /// <summary>Extra lines (exact, trimmed) that end the command with <see cref="AtStatus.Failed"/>.</summary>
        public string[] FailureFinals;

        /// <summary>False when a plain OK does not end the command (ESP-AT prints OK, then the final it means).</summary>
        public bool OkIsFinal = true;
    }
}
