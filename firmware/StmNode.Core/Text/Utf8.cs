namespace StmNode.Text
{
    /// <summary>Reads one UTF-8 sequence from bytes, strictly: the one decoder the JSON reader and the MQTT checks share.</summary>
    public static class Utf8
    {
        /// <summary>
        /// Decodes the multi-byte sequence whose lead byte is data[index] (Unicode 15, table 3-7: no overlongs, no
        /// surrogates, nothing above U+10FFFF). Returns the sequence's length (2 to 4) with its code point, 0 when the
        /// bytes are not valid UTF-8, and -1 when the sequence runs past end. ASCII (below 0x80) is the caller's.
        /// </summary>
        public static int DecodeSequence(byte[] data, int index, int end, out int codePoint)
        {
            int lead = data[index];
            int extra;
            int minimum;
            if (lead >= 0xC2 && lead <= 0xDF)
            {
                extra = 1;
                codePoint = lead & 0x1F;
                minimum = 0x80;
            }
            else if (lead >= 0xE0 && lead <= 0xEF)
            {
                extra = 2;
                codePoint = lead & 0x0F;
                minimum = 0x800;
            }
            else if (lead >= 0xF0 && lead <= 0xF4)
            {
                extra = 3;
                codePoint = lead & 0x07;
                minimum = 0x10000;
            }
            else
            {
                // 0x80..0xC1 (a stray continuation or an overlong lead) and 0xF5..0xFF never start a sequence.
                codePoint = 0;
                return 0;
            }

            if (index + extra >= end)
            {
                return -1;
            }

            for (int k = 1; k <= extra; k++)
            {
                int next = data[index + k];
                if ((next & 0xC0) != 0x80)
                {
                    return 0;
                }

                codePoint = (codePoint << 6) | (next & 0x3F);
            }

            if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            {
                return 0;
            }

            return extra + 1;
        }
    }
}
