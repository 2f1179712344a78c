using System;
using StmNode.Host.Simulation;
using StmNode.Ports;

namespace StmNode.Host.Composition
{
    /// <summary>Serial lines to modems for the AT console: an emulated modem over an in-memory cable.</summary>
    public static class ModemLines
    {
        /// <summary>A line to an emulated modem, or null for an unknown model; resources holds what to dispose.</summary>
        public static IByteStream OpenEmulated(string modem, out IDisposable resources)
        {
            EmulatedModem emulated = EmulatedModem.Create(modem);
            resources = emulated;
            return emulated?.Line;
        }
    }
}
