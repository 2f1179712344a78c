using System.Collections.Generic;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Support
{
    /// <summary>Keeps every log line at every level, so tests can search them (for secrets, for errors).</summary>
    public sealed class RecordingLog : ILog
    {
        public List<string> Lines { get; } = new List<string>();

        public bool IsEnabled(LogLevel level) => true;

        public void Write(LogLevel level, string source, string message)
        {
            lock (Lines)
            {
                Lines.Add(level + " " + source + " " + message);
            }
        }
    }
}
