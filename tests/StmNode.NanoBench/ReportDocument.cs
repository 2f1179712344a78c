using System;

namespace StmNode.NanoBench
{
    /// <summary>
    /// The steady-state `stm32` report every benchmark encodes (the values of the .NET benchmarks' ReportJson), as
    /// objects for nanoFramework.Json, which serialises public properties.
    /// </summary>
    public sealed class ReportDocument
    {
        public const string DeviceId = "660f1e2a7bbf9d23a1b2c3d4_esp32node01";
        public const string Topic = "$oc/devices/" + DeviceId + "/sys/properties/report";
        public static readonly DateTime EventTime = new DateTime(2026, 11, 25, 10, 0, 2);
        public const double Temperature = 21.5;
        public const double Humidity = 40.0;
        public const int GasLevel = 10;

        public ReportService[] services { get; set; }

        public static ReportDocument Create()
        {
            ReportProperties p = new ReportProperties();
            p.DHT11_T = Temperature;
            p.DHT11_H = Humidity;
            p.MQ2 = false;
            p.gas_level = GasLevel;
            p.flame = false;
            p.water = false;
            p.light = true;
            p.LED1 = 0;
            p.LED2 = 0;
            p.LED3 = 0;
            ReportService s = new ReportService();
            s.service_id = "stm32";
            s.properties = p;
            s.event_time = "20261125T100002Z";
            ReportDocument d = new ReportDocument();
            d.services = new ReportService[] { s };
            return d;
        }
    }

    public sealed class ReportService
    {
        public string service_id { get; set; }

        public ReportProperties properties { get; set; }

        public string event_time { get; set; }
    }

    public sealed class ReportProperties
    {
        public double DHT11_T { get; set; }

        public double DHT11_H { get; set; }

        public bool MQ2 { get; set; }

        public int gas_level { get; set; }

        public bool flame { get; set; }

        public bool water { get; set; }

        public bool light { get; set; }

        public int LED1 { get; set; }

        public int LED2 { get; set; }

        public int LED3 { get; set; }
    }
}
