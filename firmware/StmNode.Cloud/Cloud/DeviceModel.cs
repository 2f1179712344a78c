namespace StmNode.Cloud
{
    /// <summary>
    /// What the cloud may ask of this node: the commands it accepts and the properties it lets the cloud write.
    /// Downlinks are checked against it, so the node only ever sees known names with values in range. It must
    /// match the product model defined in the cloud console (hardware/ holds the IoTDA one).
    /// </summary>
    public sealed class DeviceModel
    {
        public const string Stm32ServiceId = "stm32";

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
        /// The StmNode product model (hardware/iotda-product-model.json): LED1..LED3 (0 off, 1 on) and the periods and
        /// thresholds are writable; SET_LED takes LED1..LED3 or led (1..3) + state (0/1); SET_INTERVAL changes the report
        /// period (10 s … 24 h); REPORT_NOW asks for an immediate report.
        /// </summary>
        public static DeviceModel CreateStm32()
        {
            ParameterSpec[] writable = new ParameterSpec[]
            {
                ParameterSpec.Int("LED1", 0, 1, false),
                ParameterSpec.Int("LED2", 0, 1, false),
                ParameterSpec.Int("LED3", 0, 1, false),
                ParameterSpec.Int("report_period", 5, 86400, false),
                ParameterSpec.Int("diag_period", 10, 86400, false),
                ParameterSpec.Int("gas_threshold", 0, 100, false),
                ParameterSpec.Int("alarm_min_interval", 0, 3600, false)
            };

            ParameterSpec[] setLed = new ParameterSpec[]
            {
                ParameterSpec.Int("LED1", 0, 1, false),
                ParameterSpec.Int("LED2", 0, 1, false),
                ParameterSpec.Int("LED3", 0, 1, false),
                ParameterSpec.Int("led", 1, 3, false),
                ParameterSpec.Int("state", 0, 1, false)
            };

            CommandSpec[] commands = new CommandSpec[]
            {
                new CommandSpec("SET_LED", "SET_LED_RSP", setLed),
                new CommandSpec("SET_INTERVAL", "SET_INTERVAL_RSP", new ParameterSpec[] { ParameterSpec.Int("seconds", 10, 86400, true) }),
                new CommandSpec("REPORT_NOW", "REPORT_NOW_RSP", new ParameterSpec[0])
            };

            return new DeviceModel(Stm32ServiceId, commands, writable);
        }

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
