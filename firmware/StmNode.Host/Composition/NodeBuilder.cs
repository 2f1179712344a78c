using System;
using StmNode.Host.Simulation;
using StmNode.Ports;

namespace StmNode.Host.Composition
{
    /// <summary>The host's composition root for one node: board, cloud adapter, link, controller.</summary>
    public static class NodeBuilder
    {
        public static HostedNode Build(NodeSpec spec, IClock clock, ILog log)
        {
            ArgumentNullException.ThrowIfNull(spec.Config);
            ArgumentNullException.ThrowIfNull(spec.Profile);
            var board = new SimulatedBoard(spec.Config);
            var cloud = new ProfileNodeCloud(spec.Profile, clock, log);
            var node = new HostedNode(spec.Name, spec.Config, clock, log, cloud, board, spec.Seed);
            node.Stats.KeepLatencies = spec.KeepLatencies;
            node.AddLink(LinkFactory.Create(spec, clock, log));
            return node;
        }
    }
}
