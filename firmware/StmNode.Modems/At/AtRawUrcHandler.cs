namespace StmNode.At
{
    /// <summary>
    /// Receives a length-prefixed URC: the header text up to the raw section and exactly the announced bytes
    /// (valid only during the call).
    /// </summary>
    public delegate void AtRawUrcHandler(string header, byte[] data, int offset, int count);
}
