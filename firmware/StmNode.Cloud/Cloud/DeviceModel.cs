namespace StmNode.Cloud
{
    /// <summary>
    /// What the cloud may ask of this node: the commands it accepts and the properties it lets the cloud write.
    /// Downlinks are checked against it, so the node only ever sees known names with values in range. The node builds
    /// its own from its product-model table (StmNode.Node.Stm32Service).
    /// </summary>
    public sealed class DeviceModel
    {
        public DeviceModel(string serviceId, CommandSpec[] commands, ParameterSpec[] writableProperties)
        {
            ServiceId = serviceId;
            Commands = commands;
            WritableProperties = writableProperties;
        }

        /// <summary>The service that owns the commands and writable properties (null: any service).</summary>
        public string ServiceId { get; }

        public CommandSpec[] Commands { get; }

        /// <summary>Properties a property-set may write, and the fields a LED message may carry (null: any).</summary>
        public ParameterSpec[] WritableProperties { get; }

        /// <summary>
        /// A model that checks nothing: any service, command and parameter name passes, with its scalar value
        /// (long, double, bool or string) as received. For a node that validates requests itself.
        /// </summary>
        public static DeviceModel CreatePassThrough()
        {
            return new DeviceModel(null, null, null);
        }

        /// <summary>True for <see cref="CreatePassThrough"/>: names and values are not checked here.</summary>
        public bool IsPassThrough
        {
            get { return Commands == null; }
        }

        /// <summary>The command with this name, or null (also for a pass-through model).</summary>
        public CommandSpec FindCommand(string name)
        {
            for (int i = 0; Commands != null && i < Commands.Length; i++)
            {
                if (Commands[i].Name == name)
                {
                    return Commands[i];
                }
            }

            return null;
        }
    }
}
