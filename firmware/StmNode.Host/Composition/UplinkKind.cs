namespace StmNode.Host.Composition
{
    /// <summary>What a message the node publishes is, as the cloud profile encoded it.</summary>
    public enum UplinkKind
    {
        Report,
        CommandResponse,
        SetResponse,
        GetResponse,
        TimeSync
    }
}
