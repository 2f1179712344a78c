namespace StmNode.Mqtt
{
    /// <summary>
    /// UTF-8 as MQTT needs it, without allocating: byte counts and encoding straight into a packet buffer, and a
    /// strict well-formedness check of received bytes (no overlong forms, no surrogates, nothing above U+10FFFF).
    /// </summary>
    public static class MqttUtf8
    {
        /// <summary>UTF-8 length of the string, or -1 when it holds a lone surrogate (not encodable).</summary>
        public static int ByteCount(string text)
        {
            int count = 0;
            int length = text.Length;
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    count += 1;
                }
                else if (c < 0x800)
                {
                    count += 2;
                }
                else if (c >= 0xD800 && c <= 0xDBFF)
                {
                    if (i + 1 >= length || text[i + 1] < 0xDC00 || text[i + 1] > 0xDFFF)
                    {
                        return -1;
                    }

                    count += 4;
                    i++;
                }
                else if (c >= 0xDC00 && c <= 0xDFFF)
                {
                    return -1;
                }
                else
                {
                    count += 3;
                }
            }

            return count;
        }

        /// <summary>Writes the string as UTF-8 at offset; the string must have passed <see cref="ByteCount"/>. Returns the bytes written.</summary>
        public static int Write(string text, byte[] buffer, int offset)
        {
            int start = offset;
            int length = text.Length;
            for (int i = 0; i < length; i++)
            {
                int c = text[i];
                if (c < 0x80)
                {
                    buffer[offset++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    buffer[offset++] = (byte)(0xC0 | (c >> 6));
                    buffer[offset++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (c >= 0xD800 && c <= 0xDBFF)
                {
                    int codePoint = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    i++;
                    buffer[offset++] = (byte)(0xF0 | (codePoint >> 18));
                    buffer[offset++] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
                    buffer[offset++] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                    buffer[offset++] = (byte)(0x80 | (codePoint & 0x3F));
                }
                else
                {
                    buffer[offset++] = (byte)(0xE0 | (c >> 12));
                    buffer[offset++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    buffer[offset++] = (byte)(0x80 | (c & 0x3F));
                }
            }

            return offset - start;
        }

        /// <summary>
        /// Checks that the bytes are well-formed UTF-8 without U+0000 [MQTT-1.5.3-1/2]. On failure badIndex is the
        /// index (into buffer) of the first byte of the offending sequence.
        /// </summary>
        public static MqttError Check(byte[] buffer, int offset, int count, out int badIndex)
        {
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                int b = buffer[i];
                badIndex = i;
                if (b == 0)
                {
                    return MqttError.NullCharacter;
                }

                if (b < 0x80)
                {
                    i++;
                    continue;
                }

                int extra;
                int codePoint;
                int minimum;
                if (b >= 0xC2 && b <= 0xDF)
                {
                    extra = 1;
                    codePoint = b & 0x1F;
                    minimum = 0x80;
                }
                else if (b >= 0xE0 && b <= 0xEF)
                {
                    extra = 2;
                    codePoint = b & 0x0F;
                    minimum = 0x800;
                }
                else if (b >= 0xF0 && b <= 0xF4)
                {
                    extra = 3;
                    codePoint = b & 0x07;
                    minimum = 0x10000;
                }
                else
                {
                    // 0x80..0xC1 (stray continuation or overlong lead) and 0xF5..0xFF never start a sequence.
                    return MqttError.InvalidUtf8;
                }

                if (i + extra >= end)
                {
                    // Truncated sequence.
                    return MqttError.InvalidUtf8;
                }

                for (int k = 1; k <= extra; k++)
                {
                    int next = buffer[i + k];
                    if ((next & 0xC0) != 0x80)
                    {
                        return MqttError.InvalidUtf8;
                    }

                    codePoint = (codePoint << 6) | (next & 0x3F);
                }

                if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
                {
                    return MqttError.InvalidUtf8;
                }

                i += extra + 1;
            }

            badIndex = -1;
            return MqttError.None;
        }
    }
}
