using System.Diagnostics;
using StmNode.Ports;

namespace StmNode.Adapters
{
    /// <summary>Log lines to the debugger output (Visual Studio's Output window over the deployment port).</summary>
    public sealed class DebugLog : ILog
    {
        private readonly LogLevel _minimum;

        public DebugLog(LogLevel minimum)
        {
            _minimum = minimum;
        }

        public bool IsEnabled(LogLevel level)
        {
            return level >= _minimum && level != LogLevel.None;
        }

        public void Write(LogLevel level, string source, string message)
        {
            if (IsEnabled(level))
            {
                Debug.WriteLine(Name(level) + " " + source + ": " + message);
            }
        }

        private static string Name(LogLevel level)
        {
            switch (level)
            {
                case LogLevel.Trace: return "TRACE";
                case LogLevel.Debug: return "DEBUG";
                case LogLevel.Info: return "INFO";
                case LogLevel.Warning: return "WARN";
                default: return "ERROR";
            }
        }
    }
}
