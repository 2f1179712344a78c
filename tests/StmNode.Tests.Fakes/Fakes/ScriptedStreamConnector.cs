using System.Collections;
using StmNode.Ports;

namespace StmNode.Tests.Fakes
{
    /// <summary>
    /// An <see cref="IStreamConnector"/> that hands out the <see cref="ScriptedSerialLine"/>s a test queued, in order,
    /// and records what was asked. With nothing queued (or after <see cref="FailNextOpen"/>) Open fails like a refused
    /// TCP connect.
    /// </summary>
    public sealed class ScriptedStreamConnector : IStreamConnector
    {
        private readonly ArrayList _lines = new ArrayList();
        private string _failure;

        public string LastError { get; private set; }

        public int OpenCount { get; private set; }

        public int CloseCount { get; private set; }

        public string LastHost { get; private set; }

        public int LastPort { get; private set; }

        public bool LastUseTls { get; private set; }

        public int LastTimeoutMs { get; private set; }

        /// <summary>The line Close was last called with.</summary>
        public IByteStream LastClosed { get; private set; }

        /// <summary>Queues the line the next successful Open returns.</summary>
        public void Add(ScriptedSerialLine line)
        {
            _lines.Add(line);
        }

        /// <summary>Makes the next Open fail with this error.</summary>
        public void FailNextOpen(string error)
        {
            _failure = error;
        }

        public IByteStream Open(string host, int port, bool useTls, int timeoutMs)
        {
            OpenCount++;
            LastHost = host;
            LastPort = port;
            LastUseTls = useTls;
            LastTimeoutMs = timeoutMs;
            if (_failure != null || _lines.Count == 0)
            {
                LastError = _failure != null ? _failure : "connection refused (no scripted line)";
                _failure = null;
                return null;
            }

            ScriptedSerialLine line = (ScriptedSerialLine)_lines[0];
            _lines.RemoveAt(0);
            LastError = null;
            return line;
        }

        public void Close(IByteStream stream)
        {
            CloseCount++;
            LastClosed = stream;
            ScriptedSerialLine line = stream as ScriptedSerialLine;
            if (line != null)
            {
                line.Close();
            }
        }
    }
}
