using System;
using System.Collections.Generic;
using StmNode.Node;
using StmNode.Ports;

namespace StmNode.Host.Composition
{
    /// <summary>
    /// One transport as the node's link supervisor takes it (recovery and info may be null), plus what the host must
    /// dispose after the node stopped (sockets, serial ports, emulated modems, pipes), in disposal order.
    /// </summary>
    public sealed record LinkParts(IMqttLink Link, IModemRecovery Recovery, ILinkInfo Info, IReadOnlyList<IDisposable> Resources);
}
