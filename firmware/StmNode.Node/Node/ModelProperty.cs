using StmNode.Cloud;

namespace StmNode.Node
{
    /// <summary>
    /// One property of the product model, or one parameter of a command or of its response: name, JSON type, range,
    /// access and what a value written to it changes. <see cref="Stm32Service"/> and <see cref="DiagService"/> list them
    /// as hardware/iotda-product-model.json does (a host test keeps the two equal).
    /// </summary>
    public sealed class ModelProperty
    {
        public ModelProperty(string name, ParameterType type, double min, double max, int maxLength, string method, bool required,
            ModelTarget target, int index)
        {
            Name = name;
            Type = type;
            Min = min;
            Max = max;
            MaxLength = maxLength;
            Method = method;
            Required = required;
            Target = target;
            Index = index;
        }

        public string Name { get; }

        public ParameterType Type { get; }

        /// <summary>Smallest value (Int and Double).</summary>
        public double Min { get; }

        /// <summary>Largest value (Int and Double).</summary>
        public double Max { get; }

        /// <summary>Longest text in characters (String).</summary>
        public int MaxLength { get; }

        /// <summary>The property's access as the product model writes it: "R", "W" or "RW"; null for a parameter.</summary>
        public string Method { get; }

        /// <summary>A command parameter the command cannot go without.</summary>
        public bool Required { get; }

        public ModelTarget Target { get; }

        /// <summary>The LED number (1..3) for <see cref="ModelTarget.Led"/>, else 0.</summary>
        public int Index { get; }

        /// <summary>True when the cloud may write the property (a property set or a message down).</summary>
        public bool IsWritable
        {
            get { return Method != null && Method.IndexOf('W') >= 0; }
        }

        /// <summary>The check a profile applies to a received value.</summary>
        public ParameterSpec ToSpec()
        {
            ParameterSpec spec = new ParameterSpec(Name, Type, Min, Max, Required);
            if (Type == ParameterType.String)
            {
                spec.MaxLength = MaxLength;
            }

            return spec;
        }

        /// <summary>A read-only integer reading.</summary>
        public static ModelProperty Reading(string name, long min, long max)
        {
            return new ModelProperty(name, ParameterType.Int, min, max, 0, "R", false, ModelTarget.None, 0);
        }

        /// <summary>A read-only decimal reading.</summary>
        public static ModelProperty Decimal(string name, double min, double max)
        {
            return new ModelProperty(name, ParameterType.Double, min, max, 0, "R", false, ModelTarget.None, 0);
        }

        /// <summary>A read-only text.</summary>
        public static ModelProperty Text(string name, int maxLength)
        {
            return new ModelProperty(name, ParameterType.String, 0, 0, maxLength, "R", false, ModelTarget.None, 0);
        }

        /// <summary>An LED the cloud reads and writes: 0 off, 1 on.</summary>
        public static ModelProperty Led(string name, int led)
        {
            return new ModelProperty(name, ParameterType.Int, 0, 1, 0, "RW", false, ModelTarget.Led, led);
        }

        /// <summary>A write-only setting.</summary>
        public static ModelProperty Setting(string name, long min, long max, ModelTarget target)
        {
            return new ModelProperty(name, ParameterType.Int, min, max, 0, "W", false, target, 0);
        }

        /// <summary>
        /// An integer command parameter (its target is what it changes), or a response parameter (its target is what it
        /// reports: the LED's state or the setting in force after the command).
        /// </summary>
        public static ModelProperty Parameter(string name, long min, long max, bool required, ModelTarget target, int index)
        {
            return new ModelProperty(name, ParameterType.Int, min, max, 0, null, required, target, index);
        }

        /// <summary>The "result" text every response carries.</summary>
        public static ModelProperty Result()
        {
            return new ModelProperty("result", ParameterType.String, 0, 0, 64, null, false, ModelTarget.Result, 0);
        }
    }
}
