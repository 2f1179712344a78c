using System;
using System.Collections;

namespace StmNode.At
{
    /// <summary>The outcome of an AT exchange: its status, the final line and the intermediate lines collected.</summary>
    public sealed class AtReply
    {
        // Created with the first line: most replies (prompts, a bare OK) have none.
        private ArrayList _lines;

        public AtReply(AtStatus status)
        {
            Status = status;
            Code = -1;
        }

        public AtStatus Status;

        /// <summary>The modem's number for +CME / +CMS errors; -1 otherwise.</summary>
        public int Code;

        /// <summary>The line that ended the exchange (null on timeout).</summary>
        public string Final;

        public bool IsOk
        {
            get { return Status == AtStatus.Ok; }
        }

        public int LineCount
        {
            get { return _lines == null ? 0 : _lines.Count; }
        }

        public string Line(int index)
        {
            if (_lines == null)
            {
                throw new ArgumentOutOfRangeException("index");
            }

            return (string)_lines[index];
        }

        public void AddLine(string line)
        {
            if (_lines == null)
            {
                _lines = new ArrayList();
            }

            _lines.Add(line);
        }

        /// <summary>The text after the first line starting with prefix, trimmed; null when there is none.</summary>
        public string Find(string prefix)
        {
            for (int i = 0; i < LineCount; i++)
            {
                string line = (string)_lines[i];
                if (line.StartsWith(prefix))
                {
                    return line.Substring(prefix.Length).Trim();
                }
            }

            return null;
        }

        /// <summary>Short description for logs and LastError, e.g. "+CME ERROR: 10" or "timeout".</summary>
        public string Describe()
        {
            switch (Status)
            {
                case AtStatus.Ok: return "ok";
                case AtStatus.Timeout: return "timeout";
                case AtStatus.Aborted: return Final == null ? "aborted" : "aborted: " + Final;
                case AtStatus.LineFailed: return "serial line failed";
                case AtStatus.Rejected: return Final == null ? "rejected" : "rejected: " + Final;
                default: return Final == null ? "error" : Final;
            }
        }
    }
}
