using System;

namespace StmNode.Host.Runner
{
    /// <summary>Settings of the raw AT console.</summary>
    public sealed class AtConsoleOptions
    {
        /// <summary>The modem's serial port; null gives an emulated modem.</summary>
        public string Serial { get; set; }

        public string Modem { get; set; } = "bc26";

        public int Baud { get; set; } = 115200;

        /// <summary>Longest wait for a command's final result.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
    }
}
