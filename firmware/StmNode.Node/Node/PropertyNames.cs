namespace StmNode.Node
{
    /// <summary>
    /// Service, property and command names of the IoTDA product model (hardware/iotda-product-model.json). The
    /// readings follow the README's report: DHT11_T, DHT11_H, MQ2, water, flame, light and LED1..LED3, the
    /// switches as 0/1.
    /// </summary>
    public static class PropertyNames
    {
        public const string Service = "stm32";
        public const string DiagService = "diag";

        public const string Temperature = "DHT11_T";
        public const string Humidity = "DHT11_H";
        public const string GasAlarm = "MQ2";
        public const string GasLevel = "gas_level";
        public const string Flame = "flame";
        public const string Water = "water";
        public const string Light = "light";
        public const string Led1 = "LED1";
        public const string Led2 = "LED2";
        public const string Led3 = "LED3";

        public const string SetLed = "SET_LED";
        public const string SetInterval = "SET_INTERVAL";
        public const string ReportNow = "REPORT_NOW";

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
