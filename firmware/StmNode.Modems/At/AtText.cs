using System.Text;

namespace StmNode.At
{
    /// <summary>
    /// Rules for putting user-controlled text into quoted AT parameters. Quectel has no escape syntax, so a value
    /// must not contain anything that ends the string or the command; ESP-AT escapes <c>\</c>, <c>"</c> and <c>,</c>
    /// but cannot carry line breaks. Payloads never go through here: they use the prompt / length forms.
    /// </summary>
    public static class AtText
    {
        /// <summary>
        /// True when the value can sit between quotes in a Quectel command: not null, not longer than maxBytes (UTF-8),
        /// and free of <c>"</c>, CR, LF, NUL, Ctrl-Z and ESC.
        /// </summary>
        public static bool IsQuectelSafe(string value, int maxBytes)
        {
            if (value == null || Encoding.UTF8.GetBytes(value).Length > maxBytes)
            {
                return false;
            }

            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '"' || c == '\r' || c == '\n' || c == '\0' || c == (char)0x1A || c == (char)0x1B)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Escapes a value for an ESP-AT quoted parameter (<c>\\</c>, <c>\"</c>, <c>\,</c>). Returns null when the
        /// value is null or holds a character ESP-AT cannot carry (CR, LF, NUL, Ctrl-Z, ESC).
        /// </summary>
        public static string EscapeEspAt(string value)
        {
            if (value == null)
            {
                return null;
            }

            // Copied in runs, not char by char: nanoFramework's indexer reads a pair's low half as its high half, so a
            // per-char copy turns a character above U+FFFF into two U+FFFD there. Runs end at ASCII, never inside a pair.
            StringBuilder text = new StringBuilder(value.Length + 8);
            int copied = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '\r' || c == '\n' || c == '\0' || c == (char)0x1A || c == (char)0x1B)
                {
                    return null;
                }

                if (c == '\\' || c == '"' || c == ',')
                {
                    text.Append(value, copied, i - copied);
                    text.Append('\\');
                    copied = i;
                }
            }

            text.Append(value, copied, value.Length - copied);
            return text.ToString();
        }

        /// <summary>True when the bytes contain b.</summary>
        public static bool Contains(byte[] data, int offset, int count, byte b)
        {
            for (int i = offset; i < offset + count; i++)
            {
                if (data[i] == b)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
