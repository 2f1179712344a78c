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

                int codePoint;
                int length = Utf8.DecodeSequence(buffer, i, end, out codePoint);
                if (length <= 0)
                {
                    return MqttError.InvalidUtf8; // not UTF-8, or a sequence cut off by the end of the field
                }

                i += length;
            }

            badIndex = -1;
            return MqttError.None;
        }
    }
}
