namespace StmNode.Node
{
    /// <summary>Service and property names of the IoTDA product model (hardware/iotda-product-model.json).</summary>
    public static class PropertyNames
    {
        public const string Service = "stm32";
        public const string DiagService = "diag";

        public const string Temperature = "temperature";
        public const string Humidity = "humidity";
        public const string GasAlarm = "gas_alarm";
        public const string GasLevel = "gas_level";
        public const string Flame = "flame";
        public const string Water = "water";
        public const string Light = "light";
        public const string Led1 = "led1";
        public const string Led2 = "led2";
        public const string Led3 = "led3";

        // Writable settings (properties set).
        public const string ReportPeriod = "report_period";
        public const string DiagPeriod = "diag_period";
        public const string GasThreshold = "gas_threshold";
        public const string AlarmMinInterval = "alarm_min_interval";

        // The diag service.
        public const string Uptime = "uptime";
        public const string ResetReason = "reset_reason";
        public const string FreeMemory = "free_memory";
        public const string Link = "link";
        public const string Signal = "signal";
        public const string Reconnects = "reconnects";
        public const string LastError = "last_error";
        public const string Buffered = "buffered";
        public const string Dropped = "dropped";
        public const string Firmware = "firmware";
        public const string Imei = "imei";
        public const string Iccid = "iccid";
        public const string SensorErrors = "sensor_errors";
        public const string SensorLastError = "sensor_last_error";
    }
}
