namespace StmNode.Host.Composition
{
    /// <summary>What a message the node publishes is, as the cloud adapter encoded it.</summary>
    public enum UplinkKind
    {
        Report,
        CommandResponse,
        SetResponse,
        GetResponse,
        TimeSync,
        /// <summary>Something the cloud cannot carry (no time sync, no answer topic): the host does not send it.</summary>
        Suppressed
    }
}
