namespace StmNode.Host.Composition
{
    /// <summary>The kind of an encoded uplink and a detail (the report's service, the command's name).</summary>
    public sealed record UplinkLabel(UplinkKind Kind, string Detail);
}
