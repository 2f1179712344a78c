using StmNode.Cloud;

namespace StmNode.Node
{
    /// <summary>
    /// The node's main service in the product model (hardware/iotda-product-model.json; a host test keeps the two equal):
    /// the readings, the LEDs and settings the cloud may write, and the commands with their responses. The device model
    /// the profiles check downlinks against, the report names and the downlink dispatch all come from this table.
    /// </summary>
    public static class Stm32Service
    {
        public const string Id = "stm32";

        public static readonly ModelProperty Temperature = ModelProperty.Decimal("DHT11_T", -20, 70);
        public static readonly ModelProperty Humidity = ModelProperty.Decimal("DHT11_H", 0, 100);
        public static readonly ModelProperty GasAlarm = ModelProperty.Reading("MQ2", 0, 1);
        public static readonly ModelProperty GasLevel = ModelProperty.Reading("gas_level", 0, 100);
        public static readonly ModelProperty Flame = ModelProperty.Reading("flame", 0, 1);
        public static readonly ModelProperty Water = ModelProperty.Reading("water", 0, 1);
        public static readonly ModelProperty Light = ModelProperty.Reading("light", 0, 1);
        public static readonly ModelProperty Led1 = ModelProperty.Led("LED1", 1);
        public static readonly ModelProperty Led2 = ModelProperty.Led("LED2", 2);
        public static readonly ModelProperty Led3 = ModelProperty.Led("LED3", 3);
        public static readonly ModelProperty ReportPeriod = ModelProperty.Setting("report_period", 5, 86400, ModelTarget.ReportPeriod);
        public static readonly ModelProperty DiagPeriod = ModelProperty.Setting("diag_period", 10, 86400, ModelTarget.DiagPeriod);
        public static readonly ModelProperty GasThreshold = ModelProperty.Setting("gas_threshold", 0, 100, ModelTarget.GasThreshold);
        public static readonly ModelProperty AlarmMinInterval = ModelProperty.Setting("alarm_min_interval", 0, 3600, ModelTarget.AlarmMinInterval);

        public static readonly ModelProperty[] Properties = new ModelProperty[]
        {
            Temperature, Humidity, GasAlarm, GasLevel, Flame, Water, Light, Led1, Led2, Led3,
            ReportPeriod, DiagPeriod, GasThreshold, AlarmMinInterval
        };

        /// <summary>LED1..LED3 (0/1), or "led" (1..3) with "state" (0/1); answers with the LEDs' states after.</summary>
        public static readonly ModelCommand SetLed = new ModelCommand("SET_LED",
            new ModelProperty[]
            {
                ModelProperty.Parameter("LED1", 0, 1, false, ModelTarget.Led, 1),
                ModelProperty.Parameter("LED2", 0, 1, false, ModelTarget.Led, 2),
                ModelProperty.Parameter("LED3", 0, 1, false, ModelTarget.Led, 3),
                ModelProperty.Parameter("led", 1, 3, false, ModelTarget.LedNumber, 0),
                ModelProperty.Parameter("state", 0, 1, false, ModelTarget.LedState, 0)
            },
            "SET_LED_RSP",
            new ModelProperty[]
            {
                ModelProperty.Result(),
                ModelProperty.Parameter("LED1", 0, 1, false, ModelTarget.Led, 1),
                ModelProperty.Parameter("LED2", 0, 1, false, ModelTarget.Led, 2),
                ModelProperty.Parameter("LED3", 0, 1, false, ModelTarget.Led, 3)
            },
            false);

        /// <summary>The report period, 10 s … 24 h; answers with the period now in force.</summary>
        public static readonly ModelCommand SetInterval = new ModelCommand("SET_INTERVAL",
            new ModelProperty[] { ModelProperty.Parameter("seconds", 10, 86400, true, ModelTarget.ReportPeriod, 0) },
            "SET_INTERVAL_RSP",
            new ModelProperty[] { ModelProperty.Result(), ModelProperty.Parameter("seconds", 10, 86400, false, ModelTarget.ReportPeriod, 0) },
            false);

        public static readonly ModelCommand ReportNow = new ModelCommand("REPORT_NOW", new ModelProperty[0],
            "REPORT_NOW_RSP", new ModelProperty[] { ModelProperty.Result() }, true);

        public static readonly ModelCommand[] Commands = new ModelCommand[] { SetLed, SetInterval, ReportNow };

        /// <summary>What the cloud profiles check downlinks against: the writable properties and the commands.</summary>
        public static DeviceModel CreateDeviceModel()
        {
            int writable = 0;
            for (int i = 0; i < Properties.Length; i++)
            {
                writable += Properties[i].IsWritable ? 1 : 0;
            }

            ParameterSpec[] properties = new ParameterSpec[writable];
            for (int i = 0, n = 0; i < Properties.Length; i++)
            {
                if (Properties[i].IsWritable)
                {
                    properties[n++] = Properties[i].ToSpec();
                }
            }

            CommandSpec[] commands = new CommandSpec[Commands.Length];
            for (int i = 0; i < Commands.Length; i++)
            {
                ModelCommand command = Commands[i];
                ParameterSpec[] parameters = new ParameterSpec[command.Parameters.Length];
                for (int p = 0; p < parameters.Length; p++)
                {
                    parameters[p] = command.Parameters[p].ToSpec();
                }

                commands[i] = new CommandSpec(command.Name, command.ResponseName, parameters);
            }

            return new DeviceModel(Id, commands, properties);
        }

        /// <summary>The writable property with this name, or null.</summary>
        public static ModelProperty FindWritable(string name)
        {
            ModelProperty property = Find(Properties, name);
            return property != null && property.IsWritable ? property : null;
        }

        /// <summary>The command with this name, or null.</summary>
        public static ModelCommand FindCommand(string name)
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

        private static ModelProperty Find(ModelProperty[] entries, string name)
        {
            for (int i = 0; i < entries.Length; i++)
            {
                if (entries[i].Name == name)
                {
                    return entries[i];
                }
            }

            return null;
        }
    }
}
