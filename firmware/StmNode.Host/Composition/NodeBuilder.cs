using System;
using StmNode.Host.Simulation;
using StmNode.Node;
using StmNode.Ports;

namespace StmNode.Host.Composition
{
    /// <summary>The host's composition root for one node: board, cloud profile, link, controller.</summary>
    public static class NodeBuilder
    {
        /// <summary>The node, or null with a reason when its link cannot be built (e.g. the serial port does not open).</summary>
        public static HostedNode Build(NodeSpec spec, IClock clock, ILog log, out string error)
        {
            ArgumentNullException.ThrowIfNull(spec.Config);
            ArgumentNullException.ThrowIfNull(spec.Profile);
            LinkParts link = LinkFactory.Create(spec, clock, log, out error);
            if (link == null)
            {
                return null;
            }

            var board = new SimulatedBoard(spec.Config);
            var cloud = new LabellingProfile(spec.Profile);
            var node = new HostedNode(spec.Name, spec.Config, clock, log, cloud, board, spec.Seed);
            node.Stats.KeepLatencies = spec.KeepLatencies;
            node.AddLink(link);
            return node;
        }
    }
}
