using System.Text;
using StmNode.At;

namespace StmNode.Modems
{
    /// <summary>
    /// Parses +QMTRECV in both shapes: BC26 (and EC20 without length) <c>+QMTRECV: id,msgid,"topic","payload"</c>,
    /// cut at the last quote because JSON payloads hold quotes and commas; EC20 with
    /// <c>recv/mode …,1</c> <c>+QMTRECV: id,msgid,"topic",len,"payload"</c>, whose payload the line framer takes
    /// as exactly len raw bytes (it may contain anything, even CR-LF).
    /// </summary>
    public static class QuectelRecv
    {
        public const string Prefix = "+QMTRECV:";

        /// <summary><see cref="AtRawLength"/> for the EC20 length form; the BC26 form is a plain line.</summary>
        public static int RawLength(string header)
        {
            int open = header.IndexOf('"');
            if (open < 0)
            {
                return AtLineFramer.NeedMore;
            }

            int close = header.IndexOf('"', open + 1);
            if (close < 0)
            {
                return AtLineFramer.NeedMore;
            }

            string rest = header.Substring(close + 1);
            if (rest.Length < 2)
            {
                return AtLineFramer.NeedMore;
            }

            if (rest[0] != ',' || rest[1] == '"')
            {
                return AtLineFramer.PlainLine;
            }

            int comma = rest.IndexOf(',', 1);
            if (comma < 0 || comma == rest.Length - 1)
            {
                return AtLineFramer.NeedMore;
            }

            int length;
            if (comma != rest.Length - 2 || rest[comma + 1] != '"' || !AtFields.TryParseInt(rest.Substring(1, comma - 1), out length) || length < 0)
            {
                return AtLineFramer.PlainLine;
            }

            return length;
        }

        /// <summary>Client index and topic from a header or line; false when it is not a +QMTRECV with a topic.</summary>
        public static bool TryParseTopic(string text, out int index, out string topic)
        {
            index = -1;
            topic = null;
            int open = text.IndexOf('"');
            int close = open < 0 ? -1 : text.IndexOf('"', open + 1);
            if (!text.StartsWith(Prefix) || close < 0)
            {
                return false;
            }

            string[] head = AtFields.Split(text.Substring(Prefix.Length, open - Prefix.Length));
            index = AtFields.IntAt(head, 0, -1);
            topic = text.Substring(open + 1, close - open - 1);
            return index >= 0;
        }

        /// <summary>
        /// The payload of the quoted (no length) form: between the quote after the topic and the last quote, as hex
        /// when the receive data format is hex. Null when the line is malformed or the hex is not hex.
        /// </summary>
        public static byte[] PayloadOfLine(string line, bool hex)
        {
            int open = line.IndexOf('"');
            int close = open < 0 ? -1 : line.IndexOf('"', open + 1);
            int start = close < 0 ? -1 : line.IndexOf('"', close + 1);
            int end = line.LastIndexOf('"');
            if (start < 0 || end <= start)
            {
                return null;
            }

            string text = line.Substring(start + 1, end - start - 1);
            return hex ? FromHex(text) : Encoding.UTF8.GetBytes(text);
        }

        /// <summary>Hex text (either case) to bytes; null on an odd length or a non-hex character.</summary>
        public static byte[] FromHex(string text)
        {
            if (text.Length % 2 != 0)
            {
                return null;
            }

            byte[] bytes = new byte[text.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                int high = Nibble(text[2 * i]);
                int low = Nibble(text[2 * i + 1]);
                if (high < 0 || low < 0)
                {
                    return null;
                }

                bytes[i] = (byte)((high << 4) | low);
            }

            return bytes;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        }
    }
}
