using System;
using StmNode.Ports;

namespace StmNode.Host.Composition
{
    /// <summary>Serial lines to modems: an emulated modem over an in-memory cable.</summary>
    public static class ModemLines
    {
        public static ISerialLine OpenEmulated(string modem, out IDisposable resources)
        {
            resources = null;
            return null;
        }
    }
}
