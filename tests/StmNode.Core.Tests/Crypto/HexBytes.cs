namespace StmNode.Tests.Crypto
{
    /// <summary>Test helper: builds byte arrays from hex text and repeated bytes.</summary>
    public static class HexBytes
    {
        public static byte[] Parse(string hex)
        {
            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((Nibble(hex[i * 2]) << 4) | Nibble(hex[i * 2 + 1]));
            }

            return bytes;
        }

        public static byte[] Repeat(int value, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = (byte)value;
            }

            return bytes;
        }

        public static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            return c >= 'a' ? c - 'a' + 10 : c - 'A' + 10;
        }
    }
}
