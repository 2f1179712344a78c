using StmNode.At;

namespace StmNode.Modems
{
    /// <summary>
    /// Reads the value ranges a test command (<c>AT+X=?</c>) prints, e.g. <c>(0-5),(3,4)</c>: how a driver learns
    /// which values this module and firmware take instead of assuming them.
    /// </summary>
    public static class TestCommandRange
    {
        /// <summary>The highest number of the last parenthesised group ("(3,4)" → 4, "(0-2)" → 2); -1 when there is none.</summary>
        public static int HighestOfLast(string ranges)
        {
            int open = ranges == null ? -1 : ranges.LastIndexOf('(');
            int close = ranges == null ? -1 : ranges.LastIndexOf(')');
            if (open < 0 || close < open)
            {
                return -1;
            }

            string[] values = ranges.Substring(open + 1, close - open - 1).Split(new char[] { ',', '-' });
            int highest = -1;
            for (int i = 0; i < values.Length; i++)
            {
                int value;
                if (AtFields.TryParseInt(values[i].Trim(), out value) && value > highest)
                {
                    highest = value;
                }
            }

            return highest;
        }
    }
}
