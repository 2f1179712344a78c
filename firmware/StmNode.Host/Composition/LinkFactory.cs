using System;
using StmNode.Host.Adapters;
using StmNode.Mqtt;
using StmNode.Ports;

namespace StmNode.Host.Composition
{
    /// <summary>Builds one transport for a node, from the same Core pieces the ESP32 app uses, with PC adapters at the edge.</summary>
    public static class LinkFactory
    {
        /// <summary>Largest MQTT packet the node accepts from the broker.</summary>
        public const int MaxPacketBytes = 16 * 1024;

        public static LinkParts Create(NodeSpec spec, IClock clock, ILog log)
        {
            switch (spec.Link)
            {
                case "wifi":
                    // On the ESP32 this is M2Mqtt over Wi-Fi; on a PC, Core's own MQTT 3.1.1 client over a TCP socket.
                    var link = new StreamMqttLink(new TcpStreamConnector(), clock, log, "wifi", MaxPacketBytes);
                    return new LinkParts(link, null, null, Array.Empty<IDisposable>());
                default:
                    throw new ArgumentException("unknown link '" + spec.Link + "'", nameof(spec));
            }
        }
    }
}
