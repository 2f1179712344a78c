namespace StmNode.Node
{
    /// <summary>
    /// The node's health service in the product model (hardware/iotda-product-model.json, kept equal by a host test):
    /// read-only figures reported every diag period.
    /// </summary>
    public static class DiagService
    {
        public const string Id = "diag";

        public static readonly ModelProperty Uptime = ModelProperty.Reading("uptime", 0, int.MaxValue);
        public static readonly ModelProperty ResetReason = ModelProperty.Text("reset_reason", 32);
        public static readonly ModelProperty FreeMemory = ModelProperty.Reading("free_memory", 0, int.MaxValue);
        public static readonly ModelProperty Link = ModelProperty.Text("link", 16);
        public static readonly ModelProperty Signal = ModelProperty.Reading("signal", -150, 0);
        public static readonly ModelProperty Reconnects = ModelProperty.Reading("reconnects", 0, int.MaxValue);
        public static readonly ModelProperty LastError = ModelProperty.Text("last_error", 128);
        public static readonly ModelProperty Buffered = ModelProperty.Reading("buffered", 0, 1000);
        public static readonly ModelProperty Dropped = ModelProperty.Reading("dropped", 0, int.MaxValue);
        public static readonly ModelProperty Firmware = ModelProperty.Text("firmware", 32);
        public static readonly ModelProperty Imei = ModelProperty.Text("imei", 16);
        public static readonly ModelProperty Iccid = ModelProperty.Text("iccid", 22);
        public static readonly ModelProperty SensorErrors = ModelProperty.Reading("sensor_errors", 0, int.MaxValue);
        public static readonly ModelProperty SensorLastError = ModelProperty.Text("sensor_last_error", 64);

        public static readonly ModelProperty[] Properties = new ModelProperty[]
        {
            Uptime, ResetReason, FreeMemory, Link, Signal, Reconnects, LastError, Buffered, Dropped, Firmware, Imei, Iccid,
            SensorErrors, SensorLastError
        };
    }
}
