using System.Collections.Generic;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Support
{
    /// <summary>Keeps the log lines (every level by default), so tests can search them (for secrets, for errors).</summary>
    public sealed class RecordingLog : ILog
    {
        public List<string> Lines { get; } = new List<string>();

        /// <summary>Lines below this level are not kept (Trace by default: everything).</summary>
        public LogLevel MinimumLevel { get; set; } = LogLevel.Trace;

        public bool IsEnabled(LogLevel level) => level >= MinimumLevel;

        public void Write(LogLevel level, string source, string message)
        {
            lock (Lines)
            {
                Lines.Add(level + " " + source + " " + message);
            }
        }
    }
}
