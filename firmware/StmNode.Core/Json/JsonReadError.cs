namespace StmNode.Json
{
    /// <summary>Why a <see cref="JsonReader"/> refused its input; <see cref="JsonReader.ErrorPosition"/> tells where.</summary>
    public enum JsonReadError
    {
        None = 0,
        /// <summary>The input stopped inside a value (truncated message, or empty input).</summary>
        UnexpectedEnd = 1,
        /// <summary>A byte that cannot start or continue the expected token.</summary>
        UnexpectedByte = 2,
        /// <summary>Bytes inside a string that are not well-formed UTF-8 (overlong, surrogate, truncated sequence).</summary>
        InvalidUtf8 = 3,
        /// <summary>A bad backslash escape, a raw control character, or an unpaired \u surrogate in a string.</summary>
        InvalidString = 4,
        /// <summary>Objects and arrays nested deeper than the reader's limit.</summary>
        TooDeep = 5,
        /// <summary>A string longer than the reader's limit (in bytes).</summary>
        StringTooLong = 6,
        /// <summary>A number written with more characters than the reader's limit.</summary>
        NumberTooLong = 7,
        /// <summary>A number that breaks the JSON grammar ("01", "1.", "-", "1e").</summary>
        InvalidNumber = 8,
        /// <summary>Something other than white space after the complete value.</summary>
        TrailingData = 9
    }
}
