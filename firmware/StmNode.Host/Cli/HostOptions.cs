using System;
using StmNode.Ports;

namespace StmNode.Host.Cli
{
    /// <summary>Everything the command line, the config file and the environment can set for one run.</summary>
    public sealed class HostOptions
    {
        /// <summary>tcp, bc26, ec20, esp-at or tcp-raw.</summary>
        public string Link { get; set; } = "tcp";

        /// <summary>A real modem's serial port (e.g. /dev/ttyUSB0, COM5); null uses an emulated modem.</summary>
        public string Serial { get; set; }

        /// <summary>The model on <see cref="Serial"/>: bc26, ec20 or esp-at.</summary>
        public string Modem { get; set; }

        public int Baud { get; set; } = 115200;

        /// <summary>emulator (embedded IoTDA emulator), huawei, aliyun or mqtt.</summary>
        public string Cloud { get; set; } = "emulator";

        public string Host { get; set; }

        public int? Port { get; set; }

        public bool? Tls { get; set; }

        public string DeviceId { get; set; }

        public string Secret { get; set; }

        /// <summary>Aliyun: the product key and device name (the device id is then productKey.deviceName).</summary>
        public string ProductKey { get; set; }

        public string DeviceName { get; set; }

        /// <summary>Aliyun region, e.g. cn-shanghai.</summary>
        public string Region { get; set; }

        /// <summary>Generic MQTT: host[:port] of the broker.</summary>
        public string Broker { get; set; }

        public string Username { get; set; }

        public string Apn { get; set; }

        public string WifiSsid { get; set; }

        public string WifiPassword { get; set; }

        public string ConfigFile { get; set; }

        /// <summary>Non-interactive: stop after this long.</summary>
        public TimeSpan? Duration { get; set; }

        /// <summary>Non-interactive: stop after this many sensor reports were published.</summary>
        public int? Reports { get; set; }

        public int ReportPeriodSeconds { get; set; } = 10;

        public LogLevel LogLevel { get; set; } = LogLevel.Info;

        /// <summary>Print every AT line the driver sends and receives.</summary>
        public bool Trace { get; set; }

        /// <summary>Send one demo LED command after the first report (the default interactive run does).</summary>
        public bool Demo { get; set; } = true;

        /// <summary>True when a duration or report count was given: run, print the summary, exit.</summary>
        public bool NonInteractive => Duration.HasValue || Reports.HasValue;
    }
}
