namespace StmNode.Cloud
{
    /// <summary>The JSON type a device-model parameter must have.</summary>
    public enum ParameterType
    {
        /// <summary>A JSON integer (no fraction), checked against Min/Max; delivered as long.</summary>
        Int = 0,
        /// <summary>Any JSON number, checked against Min/Max; delivered as double.</summary>
        Double = 1,
        /// <summary>true or false; delivered as bool.</summary>
        Bool = 2,
        /// <summary>A JSON string no longer than MaxLength; delivered as string.</summary>
        String = 3
    }
}
