using System;
using StmNode.Ports;

namespace StmNode.Host.Composition
{
    /// <summary>A publish finished: what was sent, the link's answer and how long it took (a QoS 1 publish waits for PUBACK).</summary>
    public delegate void PublishObserver(string topic, byte[] payload, int offset, int count, LinkResult result, TimeSpan elapsed);
}
