namespace StmNode.Node
{
    /// <summary>What a message from the cloud asks of the node.</summary>
    public enum NodeMessageKind
    {
        /// <summary>Not for the node, or not understood (see <see cref="NodeDownlink.Error"/>).</summary>
        Unknown = 0,
        Command = 1,
        PropertiesSet = 2,
        PropertiesGet = 3,
        /// <summary>A free-form message down; the node reads LED changes from it.</summary>
        Message = 4,
        TimeSync = 5,
        /// <summary>The cloud's reply to a report (Alink post_reply): nothing to do unless it refused the report.</summary>
        ReportReply = 6
    }
}
