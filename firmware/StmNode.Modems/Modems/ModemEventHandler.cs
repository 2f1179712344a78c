namespace StmNode.Modems
{
    /// <summary>A modem-level event without data (e.g. the modem rebooted).</summary>
    public delegate void ModemEventHandler();
}
