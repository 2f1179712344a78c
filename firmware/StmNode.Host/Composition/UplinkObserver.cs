using System;
using StmNode.Ports;

namespace StmNode.Host.Composition
{
    /// <summary>The node published something: its label (null when not from the cloud profile), topic, bytes and outcome.</summary>
    public delegate void UplinkObserver(UplinkLabel label, string topic, byte[] payload, int offset, int count, LinkResult result, TimeSpan elapsed);
}
