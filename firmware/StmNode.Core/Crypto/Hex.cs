namespace StmNode.Crypto
{
    /// <summary>Lower-case hexadecimal, as both IoTDA and Alink expect for signatures.</summary>
    public static class Hex
    {
        private const string Digits = "0123456789abcdef";

        public static string ToLower(byte[] data)
        {
            return ToLower(data, 0, data.Length);
        }

        public static string ToLower(byte[] data, int offset, int count)
        {
            char[] chars = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                int value = data[offset + i];
                chars[i * 2] = Digits[value >> 4];
                chars[i * 2 + 1] = Digits[value & 0xF];
            }

            return new string(chars, 0, chars.Length);
        }
    }
}
