namespace StmNode.Cloud
{
    /// <summary>What a message from the cloud asks the node to do.</summary>
    public enum DownlinkKind
    {
        /// <summary>A topic this profile does not handle (or a reply the node may ignore).</summary>
        Unknown = 0,
        /// <summary>A free-form message carrying LED states, e.g. {"LED1":1,"LED3":0}.</summary>
        LedMessage = 1,
        /// <summary>A command with a request id; must be answered (IoTDA waits 20 s).</summary>
        Command = 2,
        /// <summary>Writable properties to set; must be answered.</summary>
        PropertySet = 3,
        /// <summary>A request for the current properties; answered with a report-shaped body.</summary>
        PropertyGet = 4,
        /// <summary>The platform's answer to a time-sync request.</summary>
        TimeSync = 5,
        /// <summary>The cloud's acknowledgement of a report (Alink post_reply); Error Rejected when it refused it.</summary>
        ReportReply = 6
    }
}
