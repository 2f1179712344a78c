using System;

namespace StmNode.Ports
{
    /// <summary>What a transport can tell about itself for the diag report ("" or 0 when unknown), and the network's time.</summary>
    public interface ILinkInfo
    {
        /// <summary>Signal strength in dBm (Wi-Fi RSSI, or a modem's CSQ converted: -113 + 2 × CSQ); 0 when unknown.</summary>
        int SignalDbm { get; }

        string Imei { get; }

        string Iccid { get; }

        /// <summary>The network's time (a modem's AT+CCLK), used while the clock is not set; false when unknown.</summary>
        bool TryReadNetworkTime(out DateTime utc);
    }
}
