// nano-hot: runs for every byte, line or report; the guard (PortabilityScanner) keeps StartsWith and text[i] loops out.
namespace StmNode.At
{
    /// <summary>
    /// Hides passwords in AT lines before they reach a log or the trace: the password field of AT+QMTCONN,
    /// AT+MQTTUSERCFG, AT+CWJAP, AT+QICSGP and AT+QCGDEFCONT (in commands and in their echo).
    /// </summary>
    public static class AtSecretMask
    {
        public const string Mask = "***";

        // The commands that carry a secret and which quoted field it is (fields, not literals: on nanoFramework a
        // literal is a new string each time it is evaluated).
        private static readonly string[] SecretCommands = { "AT+QMTCONN=", "AT+MQTTUSERCFG=", "AT+CWJAP=", "AT+QICSGP=", "AT+QCGDEFCONT=" };
        private static readonly int[] SecretFields = { 3, 3, 2, 3, 4 };

        public static string Apply(string line)
        {
            if (line == null)
            {
                return null;
            }

            // Only commands carry secrets: most traced lines (replies, URCs) leave at the first character.
            if (line.Length < 3 || (line[0] != 'A' && line[0] != 'a'))
            {
                return line;
            }

            for (int i = 0; i < SecretCommands.Length; i++)
            {
                if (StartsWithAnyCase(line, SecretCommands[i]))
                {
                    return MaskQuoted(line, SecretFields[i]);
                }
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
                char c = line[i]; // nano-hot: cold (only lines that start with A, i.e. commands)
                if (c >= 'a' && c <= 'z')
                {
                    c = (char)(c - 32);
                }

                if (c != prefix[i]) // nano-hot: cold (only lines that start with A, i.e. commands)
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
                if (line[i] != '"') // nano-hot: cold (only commands that carry a secret)
                {
                    i++;
                    continue;
                }

                int start = i + 1;
                int end = start;
                while (end < line.Length && line[end] != '"') // nano-hot: cold (only commands that carry a secret)
                {
                    end += line[end] == '\\' ? 2 : 1; // nano-hot: cold (only commands that carry a secret)
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
