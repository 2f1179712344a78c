using StmNode.At;

namespace StmNode.Modems
{
    /// <summary>
    /// Frames <c>+MQTTSUBRECV:&lt;LinkID&gt;,"&lt;topic&gt;",&lt;len&gt;,&lt;data&gt;</c>: the data is raw, unquoted and may
    /// contain anything, so the framer takes exactly len bytes after the header.
    /// </summary>
    public static class EspAtRecv
    {
        public const string Prefix = "+MQTTSUBRECV:";

        /// <summary><see cref="AtRawLength"/>: complete once the header reads <c>…"topic",len,</c>.</summary>
        public static int RawLength(string header)
        {
            int open = header.IndexOf('"');
            int close = open < 0 ? -1 : header.IndexOf("\",", open + 1);
            if (close < 0)
            {
                return AtLineFramer.NeedMore;
            }

            string rest = header.Substring(close + 2);
            if (rest.Length == 0 || rest[rest.Length - 1] != ',')
            {
                for (int i = 0; i < rest.Length; i++)
                {
                    if (rest[i] < '0' || rest[i] > '9')
                    {
                        return AtLineFramer.PlainLine;
                    }
                }

                return AtLineFramer.NeedMore;
            }

            int length;
            return AtFields.TryParseInt(rest.Substring(0, rest.Length - 1), out length) && length >= 0 ? length : AtLineFramer.PlainLine;
        }

        /// <summary>The topic between the first quote and the quote before the length.</summary>
        public static string Topic(string header)
        {
            int open = header.IndexOf('"');
            int close = open < 0 ? -1 : header.IndexOf("\",", open + 1);
            return close < 0 ? null : header.Substring(open + 1, close - open - 1);
        }
    }
}
