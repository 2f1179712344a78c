using System;
using StmNode.Node;

namespace StmNode.Benchmarks
{
    /// <summary>The steady-state `stm32` report every benchmark encodes (the values NodeControllerTests report).</summary>
    public static class ReportJson
    {
        public const string DeviceId = "660f1e2a7bbf9d23a1b2c3d4_esp32node01";
        public const string Topic = "$oc/devices/" + DeviceId + "/sys/properties/report";
        public static readonly DateTime EventTime = new DateTime(2026, 11, 25, 10, 0, 2, DateTimeKind.Utc);

        public const double Temperature = 21.5;
        public const double Humidity = 40.0;
        public const bool GasAlarm = false;
        public const int GasLevel = 10;
        public const bool Flame = false;
        public const bool Water = false;
        public const bool Light = true;

        public static readonly string[] LedNames = { Stm32Service.Led1.Name, Stm32Service.Led2.Name, Stm32Service.Led3.Name };
        public static readonly string[] LedStates = { "OFF", "OFF", "OFF" };
    }
}
