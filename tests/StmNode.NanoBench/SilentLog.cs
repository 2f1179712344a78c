using StmNode.Ports;

namespace StmNode.NanoBench
{
    /// <summary>A log that takes Info and above and keeps nothing, as a device log with no listener costs.</summary>
    public sealed class SilentLog : ILog
    {
        public bool IsEnabled(LogLevel level)
        {
            return level >= LogLevel.Info;
        }

        public void Write(LogLevel level, string source, string message)
        {
        }
    }
}
