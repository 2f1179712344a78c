namespace StmNode.At
{
    /// <summary>
    /// Hides passwords in AT lines before they reach a log or the trace: the password field of AT+QMTCONN,
    /// AT+MQTTUSERCFG, AT+CWJAP, AT+QICSGP and AT+QCGDEFCONT (in commands and in their echo).
    /// </summary>
    public static class AtSecretMask
    {
        public const string Mask = "***";

        public static string Apply(string line)
        {
            if (line == null)
            {
                return null;
            }

            if (StartsWithAnyCase(line, "AT+QMTCONN="))
            {
                return MaskQuoted(line, 3);
            }

            if (StartsWithAnyCase(line, "AT+MQTTUSERCFG="))
            {
                return MaskQuoted(line, 3);
            }

            if (StartsWithAnyCase(line, "AT+CWJAP="))
            {
                return MaskQuoted(line, 2);
            }

            if (StartsWithAnyCase(line, "AT+QICSGP="))
            {
                return MaskQuoted(line, 3);
            }

            if (StartsWithAnyCase(line, "AT+QCGDEFCONT="))
            {
                return MaskQuoted(line, 4);
            }

            return line;
        }

        /// <summary>Replaces the content of the n-th (1-based) quoted string; backslash escapes (ESP-AT) are honoured.</summary>
        // Prefix compare ignoring ASCII case, character by character: every traced line passes here, and an
        // upper-cased copy of each would be garbage on every command and reply.
        private static bool StartsWithAnyCase(string line, string prefix)
        {
            if (line.Length < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                char c = line[i];
                if (c >= 'a' && c <= 'z')
                {
                    c = (char)(c - 32);
                }

                if (c != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        public static string MaskQuoted(string line, int n)
        {
            int seen = 0;
            int i = 0;
            while (i < line.Length)
            {
                if (line[i] != '"')
                {
                    i++;
                    continue;
                }

                int start = i + 1;
                int end = start;
                while (end < line.Length && line[end] != '"')
                {
                    end += line[end] == '\\' ? 2 : 1;
                }

                seen++;
                if (seen == n)
                {
                    string tail = end < line.Length ? line.Substring(end) : string.Empty;
                    return line.Substring(0, start) + Mask + tail;
                }

                i = end + 1;
            }

            return line;
        }
    }
}
