namespace StmNode.Cloud
{
    /// <summary>Why a downlink could not be used. A request with an error is still answered, with a failure code.</summary>
    public enum DownlinkError
    {
        None = 0,
        /// <summary>The payload is not valid JSON (or not valid UTF-8, too deep, a string or number too long).</summary>
        MalformedJson = 1,
        /// <summary>The JSON is valid but not the expected shape (e.g. the body is an array, a required field is missing).</summary>
        MissingField = 2,
        /// <summary>A field has the wrong JSON type (a string where a number belongs, a fraction for an integer).</summary>
        BadFieldType = 3,
        /// <summary>A number outside the range the device model allows.</summary>
        ValueOutOfRange = 4,
        /// <summary>A command name the device model does not know.</summary>
        UnknownCommand = 5,
        /// <summary>A parameter or property name the device model does not know.</summary>
        UnknownField = 6,
        /// <summary>The payload is larger than the profile accepts.</summary>
        TooLarge = 7,
        /// <summary>The cloud answered a report with a failure code (detail holds code and message).</summary>
        Rejected = 8
    }
}
