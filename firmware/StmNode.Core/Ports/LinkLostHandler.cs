namespace StmNode.Ports
{
    /// <summary>The link or the MQTT session went down without being asked to.</summary>
    public delegate void LinkLostHandler(string reason);
}
