using System.Text;
using StmNode.Text;

namespace StmNode.Mqtt
{
    /// <summary>
    /// UTF-8 as MQTT needs it, without allocating: byte counts and encoding straight into a packet buffer, and a
    /// strict well-formedness check of received bytes (no overlong forms, no surrogates, nothing above U+10FFFF).
    /// </summary>
    public static class MqttUtf8
    {
        /// <summary>UTF-8 length of the string, or -1 when it holds a lone surrogate (not encodable; only .NET strings can).</summary>
        public static int ByteCount(string text)
        {
            int count = 0;
            int length = text.Length;
            for (int i = 0; i < length; i++)
            {
                int c = text[i];
                if (c < 0x80)
                {
                    count += 1;
                }
                else if (c < 0x800)
                {
                    count += 2;
                }
                else if (!Utf16.IsSurrogate(c))
                {
                    count += 3;
                }
                else if (Utf16.IsPairAt(text, i))
                {
                    // Never read the low half: nanoFramework's indexer returns the high surrogate for it.
                    count += 4;
                    i++;
                }
                else
                {
                    return -1;
                }
            }

            return count;
        }

        /// <summary>
        /// Writes the string as UTF-8 at offset; the string must have passed <see cref="ByteCount"/> and the buffer must
        /// have room for that many bytes. Returns the bytes written. The runtime's encoder does it: on nanoFramework,
        /// whose strings are UTF-8 already, that is a copy, and it is the one way to get a surrogate pair's bytes there.
        /// </summary>
        public static int Write(string text, byte[] buffer, int offset)
        {
            return Encoding.UTF8.GetBytes(text, 0, text.Length, buffer, offset);
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
