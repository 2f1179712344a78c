namespace StmNode.Node
{
    /// <summary>One command of the product model: its parameters, the name and parameters of its response.</summary>
    public sealed class ModelCommand
    {
        public ModelCommand(string name, ModelProperty[] parameters, string responseName, ModelProperty[] responseParameters, bool reportsNow)
        {
            Name = name;
            Parameters = parameters;
            ResponseName = responseName;
            ResponseParameters = responseParameters;
            ReportsNow = reportsNow;
        }

        public string Name { get; }

        public ModelProperty[] Parameters { get; }

        public string ResponseName { get; }

        public ModelProperty[] ResponseParameters { get; }

        /// <summary>True when the command asks for a report at once.</summary>
        public bool ReportsNow { get; }
    }
}
