namespace StmNode.Ports
{
    /// <summary>Severity of a log line; a sink drops lines below its configured level.</summary>
    public enum LogLevel
    {
        Trace = 0,
        Debug = 1,
        Info = 2,
        Warning = 3,
        Error = 4,
        None = 5
    }
}
