namespace StmNode.Ports
{
    /// <summary>
    /// One way to the broker as the node registers it: the MQTT link, what can revive what carries it (null: nothing
    /// beyond reconnecting) and what it can tell the diag report (null: nothing). A transport that cannot do TLS (the
    /// BC26) names the plain port it connects to instead of the profile's TLS port; 0 means "as the profile says".
    /// </summary>
    public sealed class Transport
    {
        public readonly IMqttLink Link;
        public readonly IModemRecovery Recovery;
        public readonly ILinkInfo Info;
        public readonly int PlainPort;

        /// <summary>A link with nothing more to it (Wi-Fi, a TCP socket).</summary>
        public Transport(IMqttLink link)
            : this(link, null, null, 0)
        {
        }

        public Transport(IMqttLink link, IModemRecovery recovery, ILinkInfo info, int plainPort)
        {
            Link = link;
            Recovery = recovery;
            Info = info;
            PlainPort = plainPort;
        }
    }
}
