using System;
using System.Collections.Generic;
using StmNode.At;
using StmNode.Host.Simulation;
using StmNode.Node;
using StmNode.Ports;

namespace StmNode.Host.Composition
{
    /// <summary>
    /// One transport as the node's link supervisor takes it (recovery and info may be null), plus what the host must
    /// dispose after the node stopped (sockets, serial ports, emulated modems), in disposal order.
    /// </summary>
    public sealed record LinkParts(IMqttLink Link, IModemRecovery Recovery, ILinkInfo Info, IReadOnlyList<IDisposable> Resources)
    {
        /// <summary>The AT channel of a modem link (its trace shows the attach progress), or null.</summary>
        public AtChannel Channel { get; init; }

        /// <summary>The emulated modem behind the link, or null (tcp link, real modem).</summary>
        public EmulatedModem Modem { get; init; }
    }
}
