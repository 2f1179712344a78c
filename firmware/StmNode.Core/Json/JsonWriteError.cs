namespace StmNode.Json
{
    /// <summary>Why a <see cref="JsonWriter"/> stopped writing. The first error sticks until the next Reset.</summary>
    public enum JsonWriteError
    {
        None = 0,
        /// <summary>The caller's buffer is full; the output is incomplete and must not be sent.</summary>
        Overflow = 1,
        /// <summary>More nested objects/arrays than <see cref="JsonWriter.MaxDepth"/>.</summary>
        TooDeep = 2,
        /// <summary>A call out of order: End without Begin, a value where a name is needed, a name inside an array.</summary>
        BadNesting = 3,
        /// <summary>NaN, infinity, or a number too large for the requested decimals.</summary>
        InvalidNumber = 4
    }
}
