namespace StmNode.Cloud
{
    /// <summary>One command parameter or writable property of the device model, with the checks a downlink must pass.</summary>
    public sealed class ParameterSpec
    {
        public ParameterSpec(string name, ParameterType type, double min, double max, bool required)
        {
            Name = name;
            Type = type;
            Min = min;
            Max = max;
            Required = required;
            MaxLength = 64;
        }

        public string Name { get; }

        public ParameterType Type { get; }

        /// <summary>Smallest accepted number (Int and Double).</summary>
        public double Min { get; }

        /// <summary>Largest accepted number (Int and Double).</summary>
        public double Max { get; }

        public bool Required { get; }

        /// <summary>Longest accepted string, in characters (String).</summary>
        public int MaxLength { get; set; }

        public static ParameterSpec Int(string name, long min, long max, bool required)
        {
            return new ParameterSpec(name, ParameterType.Int, min, max, required);
        }

        public static ParameterSpec Bool(string name, bool required)
        {
            return new ParameterSpec(name, ParameterType.Bool, 0, 0, required);
        }
    }
}
