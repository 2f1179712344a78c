using StmNode.Cloud;

namespace StmNode.Node
{
    /// <summary>
    /// The node's device model for the cloud profiles' downlink checks: the commands and writable properties of
    /// hardware/iotda-product-model.json (a host test keeps the two in step).
    /// </summary>
    public static class NodeDeviceModel
    {
        public static DeviceModel Create()
        {
            ParameterSpec[] ledCommand = new ParameterSpec[]
            {
                ParameterSpec.Int(PropertyNames.Led1, 0, 1, false),
                ParameterSpec.Int(PropertyNames.Led2, 0, 1, false),
                ParameterSpec.Int(PropertyNames.Led3, 0, 1, false),
                ParameterSpec.Int("led", 1, 3, false),
                ParameterSpec.Int("state", 0, 1, false)
            };

            CommandSpec[] commands = new CommandSpec[]
            {
                new CommandSpec(PropertyNames.SetLed, "SET_LED_RSP", ledCommand),
                new CommandSpec(PropertyNames.SetInterval, "SET_INTERVAL_RSP", new ParameterSpec[] { ParameterSpec.Int("seconds", 10, 86400, true) }),
                new CommandSpec(PropertyNames.ReportNow, "REPORT_NOW_RSP", new ParameterSpec[0])
            };

            ParameterSpec[] writable = new ParameterSpec[]
            {
                ParameterSpec.Int(PropertyNames.Led1, 0, 1, false),
                ParameterSpec.Int(PropertyNames.Led2, 0, 1, false),
                ParameterSpec.Int(PropertyNames.Led3, 0, 1, false),
                ParameterSpec.Int(PropertyNames.ReportPeriod, 5, 86400, false),
                ParameterSpec.Int(PropertyNames.DiagPeriod, 10, 86400, false),
                ParameterSpec.Int(PropertyNames.GasThreshold, 0, 100, false),
                ParameterSpec.Int(PropertyNames.AlarmMinInterval, 0, 3600, false)
            };

            return new DeviceModel(PropertyNames.Service, commands, writable);
        }
    }
}
