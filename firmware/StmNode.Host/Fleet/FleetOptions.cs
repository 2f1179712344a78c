using System;
using StmNode.Ports;

namespace StmNode.Host.Fleet
{
    /// <summary>Settings of a fleet run.</summary>
    public sealed class FleetOptions
    {
        public int Devices { get; set; } = 100;

        /// <summary>How long to run once the last node was started.</summary>
        public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Node starts are spread evenly over this time.</summary>
        public TimeSpan RampUp { get; set; } = TimeSpan.FromSeconds(5);

        public int ReportPeriodSeconds { get; set; } = 10;

        /// <summary>host[:port] of a plain broker; null starts the embedded IoTDA emulator.</summary>
        public string Broker { get; set; }

        public LogLevel LogLevel { get; set; } = LogLevel.Error;

        /// <summary>Print a progress line this often.</summary>
        public TimeSpan ProgressEvery { get; set; } = TimeSpan.FromSeconds(5);
    }
}
