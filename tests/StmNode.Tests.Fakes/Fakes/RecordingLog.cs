using System.Collections;
using System.Text;
using StmNode.Ports;

namespace StmNode.Tests.Fakes
{
    /// <summary>Keeps every log line ("LEVEL source: message") so tests can check what was logged, and what was not.</summary>
    public sealed class RecordingLog : ILog
    {
        private readonly ArrayList _lines = new ArrayList();

        public LogLevel MinimumLevel = LogLevel.Trace;

        public int Count
        {
            get { return _lines.Count; }
        }

        public string this[int index]
        {
            get { return (string)_lines[index]; }
        }

        public bool IsEnabled(LogLevel level)
        {
            return level >= MinimumLevel;
        }

        public void Write(LogLevel level, string source, string message)
        {
            if (IsEnabled(level))
            {
                _lines.Add(Name(level) + " " + source + ": " + message);
            }
        }

        /// <summary>True when any line contains the text ("" is in every line, so: when there is a line).</summary>
        public bool Contains(string text)
        {
            // nanoFramework's s.IndexOf("") throws and "".IndexOf("") is -1 there (.NET: 0): "" never reaches IndexOf.
            if (text.Length == 0)
            {
                return _lines.Count > 0;
            }

            for (int i = 0; i < _lines.Count; i++)
            {
                if (((string)_lines[i]).IndexOf(text) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Every line, one per row, for assertion messages.</summary>
        public string All()
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < _lines.Count; i++)
            {
                text.Append((string)_lines[i]);
                text.Append('\n');
            }

            return text.ToString();
        }

        private static string Name(LogLevel level)
        {
            switch (level)
            {
                case LogLevel.Trace: return "TRACE";
                case LogLevel.Debug: return "DEBUG";
                case LogLevel.Info: return "INFO";
                case LogLevel.Warning: return "WARN";
                case LogLevel.Error: return "ERROR";
                default: return "NONE";
            }
        }
    }
}
