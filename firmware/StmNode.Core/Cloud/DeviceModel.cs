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

        /// <summary>The service that owns the commands and writable properties.</summary>
        public string ServiceId { get; }

        public CommandSpec[] Commands { get; }

        /// <summary>Properties a property-set may write, and the fields a LED message may carry.</summary>
        public ParameterSpec[] WritableProperties { get; }

        /// <summary>
        /// The StmNode board: LED1..LED3 are writable (0 off, 1 on) and settable by command; SET_INTERVAL changes the
        /// report period (10 s … 24 h); REPORT_NOW asks for an immediate report.
        /// </summary>
        public static DeviceModel CreateStm32()
        {
            ParameterSpec[] leds = new ParameterSpec[]
            {
                ParameterSpec.Int("LED1", 0, 1, false),
                ParameterSpec.Int("LED2", 0, 1, false),
                ParameterSpec.Int("LED3", 0, 1, false)
            };

            CommandSpec[] commands = new CommandSpec[]
            {
                new CommandSpec("SET_LED", "SET_LED_RSP", leds),
                new CommandSpec("SET_INTERVAL", "SET_INTERVAL_RSP", new ParameterSpec[] { ParameterSpec.Int("seconds", 10, 86400, true) }),
                new CommandSpec("REPORT_NOW", "REPORT_NOW_RSP", new ParameterSpec[0])
            };

            return new DeviceModel(Stm32ServiceId, commands, leds);
        }

        /// <summary>The command with this name, or null.</summary>
        public CommandSpec FindCommand(string name)
        {
            for (int i = 0; i < Commands.Length; i++)
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
