namespace StmNode.At
{
    /// <summary>
    /// Decides, from the header received so far, how many raw bytes follow: a count ≥ 0, or
    /// <see cref="AtLineFramer.NeedMore"/>, or <see cref="AtLineFramer.PlainLine"/> when the URC has no raw section.
    /// </summary>
    public delegate int AtRawLength(string header);
}
