namespace StmNode.Json
{
    /// <summary>Names for <see cref="JsonReadError"/> in log lines (Enum.ToString gives only the number on nanoFramework).</summary>
    public static class JsonReadErrorText
    {
        public static string Of(JsonReadError error)
        {
            switch (error)
            {
                case JsonReadError.None:
                    return "none";
                case JsonReadError.UnexpectedEnd:
                    return "unexpected end";
                case JsonReadError.UnexpectedByte:
                    return "unexpected byte";
                case JsonReadError.InvalidUtf8:
                    return "invalid UTF-8";
                case JsonReadError.InvalidString:
                    return "invalid string";
                case JsonReadError.TooDeep:
                    return "nested too deep";
                case JsonReadError.StringTooLong:
                    return "string too long";
                case JsonReadError.NumberTooLong:
                    return "number too long";
                case JsonReadError.InvalidNumber:
                    return "invalid number";
                case JsonReadError.TrailingData:
                    return "data after the value";
                default:
                    return "error " + ((int)error).ToString();
            }
        }
    }
}
