namespace StmNode.Text
{
    /// <summary>
    /// Walks the UTF-16 units of a string the same way on .NET and on nanoFramework. A nanoFramework string is UTF-8
    /// inside, and two things follow from that (nf-interpreter String.get_Chars, CLR_RT_UnicodeHelper):
    /// <list type="bullet">
    /// <item>its indexer cannot stop inside a 4-byte sequence: for a character above U+FFFF, <c>s[i]</c> and
    /// <c>s[i + 1]</c> both return the <b>high</b> surrogate, so the low half is never readable through the indexer
    /// (<c>Length</c>, <c>Substring</c> and <c>ToCharArray</c> still count the pair as two units);</item>
    /// <item>it cannot hold a lone surrogate: one becomes U+FFFD when the string is made.</item>
    /// </list>
    /// So code that walks a string asks <see cref="IsPairAt"/> at a high surrogate, steps over both units, and gets the
    /// pair's bytes from <c>Encoding.UTF8.GetBytes(text, index, 2, bytes, offset)</c> (4 bytes on both runtimes)
    /// instead of computing the code point from the two halves.
    /// </summary>
    public static class Utf16
    {
        // True on .NET; false on nanoFramework, whose indexer returns the high surrogate again for the low half.
        private static readonly bool IndexerReadsLowSurrogates = "\U0001F600"[1] == '\uDE00';

        /// <summary>True for a high or low surrogate unit (0xD800..0xDFFF).</summary>
        public static bool IsSurrogate(int unit)
        {
            return unit >= 0xD800 && unit <= 0xDFFF;
        }

        /// <summary>
        /// True when text[index] is a high surrogate followed by its low surrogate: one character above U+FFFF taking
        /// index and index + 1 (4 bytes of UTF-8). False for any other unit and for a lone surrogate, which only a
        /// .NET string can hold. index must be at a character boundary (never the low half of a pair).
        /// </summary>
        public static bool IsPairAt(string text, int index)
        {
            int high = text[index];
            if (high < 0xD800 || high > 0xDBFF || index + 1 >= text.Length)
            {
                return false;
            }

            if (!IndexerReadsLowSurrogates)
            {
                // nanoFramework: a high surrogate at a boundary always starts a well-formed pair.
                return true;
            }

            int low = text[index + 1];
            return low >= 0xDC00 && low <= 0xDFFF;
        }
    }
}
