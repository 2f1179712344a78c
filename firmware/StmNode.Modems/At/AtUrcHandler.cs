namespace StmNode.At
{
    /// <summary>Receives one unsolicited result line (without its CR-LF).</summary>
    public delegate void AtUrcHandler(string line);
}
