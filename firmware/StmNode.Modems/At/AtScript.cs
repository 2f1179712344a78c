namespace StmNode.At
{
    /// <summary>
    /// A fixed sequence of commands that each only need OK (an init or configuration script), kept as data the way
    /// Zephyr's modem chat scripts are: the driver lists the lines, this runs them and stops at the first failure.
    /// </summary>
    public static class AtScript
    {
        /// <summary>Runs the lines in order with one timeout each; returns -1 when all gave OK, else the failing index.</summary>
        public static int Run(AtChannel channel, string[] lines, int timeoutMs, out AtReply failure)
        {
            failure = null;
            for (int i = 0; i < lines.Length; i++)
            {
                AtReply reply = channel.Send(lines[i], null, timeoutMs);
                if (!reply.IsOk)
                {
                    failure = reply;
                    return i;
                }
            }

            return -1;
        }
    }
}
