namespace StmNode.Cloud
{
    /// <summary>A command of the device model: its name, the name of its answer, and its parameters.</summary>
    public sealed class CommandSpec
    {
        public CommandSpec(string name, string responseName, ParameterSpec[] parameters)
        {
            Name = name;
            ResponseName = responseName;
            Parameters = parameters;
        }

        public string Name { get; }

        /// <summary>The response_name the product model defines (IoTDA), or null.</summary>
        public string ResponseName { get; }

        /// <summary>
        /// The parameters it takes. When all are optional, at least one must be present (a SET_LED that sets
        /// nothing is a mistake worth reporting).
        /// </summary>
        public ParameterSpec[] Parameters { get; }
    }
}
