namespace StmNode.Json
{
    /// <summary>The token a <see cref="JsonReader"/> is on.</summary>
    public enum JsonTokenType
    {
        None = 0,
        StartObject = 1,
        EndObject = 2,
        StartArray = 3,
        EndArray = 4,
        PropertyName = 5,
        String = 6,
        Number = 7,
        True = 8,
        False = 9,
        Null = 10,
        /// <summary>The document ended after one complete value.</summary>
        EndOfDocument = 11,
        /// <summary>The input is not acceptable; see <see cref="JsonReader.Error"/>.</summary>
        Error = 12
    }
}
