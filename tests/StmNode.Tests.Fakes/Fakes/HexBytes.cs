using System.Text;

namespace StmNode.Tests.Fakes
{
    /// <summary>Hex dumps for byte-exact tests: golden vectors read like the spec ("30 07 00 03 …").</summary>
    public static class HexBytes
    {
        /// <summary>Parses hex digit pairs; spaces are ignored. A bad digit is a bug in the test, so it throws.</summary>
        public static byte[] Parse(string hex)
        {
            byte[] scratch = new byte[hex.Length / 2 + 1];
            int count = 0;
            int high = -1;
            for (int i = 0; i < hex.Length; i++)
            {
                char c = hex[i];
                if (c == ' ')
                {
                    continue;
                }

                int digit = Digit(c);
                if (high < 0)
                {
                    high = digit;
                }
                else
                {
                    scratch[count++] = (byte)((high << 4) | digit);
                    high = -1;
                }
            }

            if (high >= 0)
            {
                throw new System.ArgumentException("odd number of hex digits");
            }

            byte[] result = new byte[count];
            for (int i = 0; i < count; i++)
            {
                result[i] = scratch[i];
            }

            return result;
        }

        /// <summary>Upper-case pairs separated by spaces, for assertion messages and comparisons.</summary>
        public static string Format(byte[] bytes, int offset, int count)
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    text.Append(' ');
                }

                text.Append(bytes[offset + i].ToString("X2"));
            }

            return text.ToString();
        }

        /// <summary>The whole array, formatted.</summary>
        public static string Format(byte[] bytes)
        {
            return Format(bytes, 0, bytes.Length);
        }

        /// <summary>The UTF-8 bytes of a string (test data such as payloads and topics).</summary>
        public static byte[] Utf8(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        /// <summary>Joins arrays into one.</summary>
        public static byte[] Concat(byte[] first, byte[] second)
        {
            byte[] result = new byte[first.Length + second.Length];
            for (int i = 0; i < first.Length; i++)
            {
                result[i] = first[i];
            }

            for (int i = 0; i < second.Length; i++)
            {
                result[first.Length + i] = second[i];
            }

            return result;
        }

        private static int Digit(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            throw new System.ArgumentException("bad hex digit");
        }
    }
}
