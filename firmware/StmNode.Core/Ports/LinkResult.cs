namespace StmNode.Ports
{
    /// <summary>Outcome of an <see cref="IMqttLink"/> operation; the link's LastError tells the detail.</summary>
    public enum LinkResult
    {
        Ok = 0,
        /// <summary>No answer within the bounded wait.</summary>
        Timeout = 1,
        /// <summary>The peer answered no (CONNACK code, SUBACK 0x80, modem error code).</summary>
        Refused = 2,
        /// <summary>The link is down; connect first.</summary>
        NotConnected = 3,
        /// <summary>A bad argument (topic, length) was refused before anything was sent.</summary>
        InvalidArgument = 4,
        /// <summary>Any other failure (the transport, the modem, garbage on the line).</summary>
        Failed = 5
    }
}
