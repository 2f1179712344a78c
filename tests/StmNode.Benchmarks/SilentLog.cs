using StmNode.Ports;

namespace StmNode.Benchmarks
{
    /// <summary>The production setting: Info and above enabled, written nowhere (the console would dominate the time).</summary>
    public sealed class SilentLog : ILog
    {
        public bool IsEnabled(LogLevel level) => level >= LogLevel.Info;

        public void Write(LogLevel level, string source, string message)
        {
        }
    }
}
