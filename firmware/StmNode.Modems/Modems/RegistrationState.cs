namespace StmNode.Modems
{
    /// <summary>The &lt;stat&gt; of +CEREG / +CGREG (3GPP 27.007).</summary>
    public enum RegistrationState
    {
        NotSearching = 0,
        Home = 1,
        Searching = 2,
        Denied = 3,
        Unknown = 4,
        Roaming = 5
    }
}
