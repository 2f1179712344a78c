// nano-hot: runs for every byte, line or report; the guard (PortabilityScanner) keeps StartsWith and text[i] loops out.
using System;
using System.Text;
using StmNode.Ports;

namespace StmNode.At
{
    /// <summary>
    /// The receiving half of <see cref="AtChannel"/>: buffered input, framing, and the routing of every line to the
    /// waiting command (echo, finals, expected prefix), to the URC table, or to the log. It never reads or writes the
    /// line itself, so the routing rules can be read in one place.
    /// </summary>
    internal sealed class AtReceiver
    {
        public const int WaitNone = 0;
        public const int WaitCommand = 1;
        public const int WaitPrompt = 2;
        public const int WaitLine = 3;

        // Finals as fields and bytes: on nanoFramework a string literal is a new string each time, and StartsWith
        // makes a substring; every received line passes here.
        private static readonly string OkLine = "OK";
        private static readonly string ErrorLine = "ERROR";
        private static readonly byte[] CmeError = Encoding.UTF8.GetBytes("+CME ERROR:");
        private static readonly byte[] CmsError = Encoding.UTF8.GetBytes("+CMS ERROR:");

        private readonly AtLineFramer _framer = new AtLineFramer(2048, 4096);
        private readonly AtUrcTable _urcs = new AtUrcTable();
        private readonly AtTrace _trace;
        private readonly ILog _log;
        private readonly byte[] _in = new byte[256];
        private int _inPos;
        private int _inLen;
        private int _wait;
        private AtCommand _command;
        private string _expectPrefix;
        private AtReply _reply;

        public AtReceiver(AtTrace trace, ILog log)
        {
            _trace = trace;
            _log = log;
        }

        /// <summary>The buffer a caller reads into before <see cref="Received"/>.</summary>
        public byte[] Buffer
        {
            get { return _in; }
        }

        /// <summary>True when the wait in progress has its answer.</summary>
        public bool IsDone { get; private set; }

        /// <summary>Lines and raw sections dropped because they overflowed the framer's buffers (line noise).</summary>
        public int Dropped
        {
            get { return _framer.Dropped; }
        }

        public bool HasBuffered
        {
            get { return _inPos < _inLen; }
        }

        public void AddUrc(string prefix, AtUrcHandler handler)
        {
            _urcs.Add(prefix, handler);
        }

        public void AddRawUrc(string prefix, AtRawLength lengthOf, AtRawUrcHandler handler)
        {
            _framer.AddRawPrefix(prefix, lengthOf);
            _urcs.AddRaw(prefix, handler);
        }

        /// <summary>Starts waiting: for a command's final, for its prompt, or for a line with prefix.</summary>
        public void Begin(int mode, AtCommand command, string prefix)
        {
            _wait = mode;
            _command = command;
            _expectPrefix = prefix;
            _reply = new AtReply(AtStatus.Timeout);
            IsDone = false;
        }

        /// <summary>Ends the wait and returns its reply (Timeout when nothing conclusive came).</summary>
        public AtReply End()
        {
            AtReply reply = _reply;
            IsDone = false;
            _wait = WaitNone;
            _command = null;
            _reply = null;
            return reply;
        }

        public void Fail(AtStatus status)
        {
            _reply = new AtReply(status);
            IsDone = true;
        }

        public void Abort(string reason)
        {
            if (_wait != WaitNone && !IsDone)
            {
                _reply = new AtReply(AtStatus.Aborted);
                _reply.Final = reason;
                IsDone = true;
            }
        }

        /// <summary>n bytes were read into <see cref="Buffer"/>.</summary>
        public void Received(int n)
        {
            _inPos = 0;
            _inLen = n;
        }

        /// <summary>Hands buffered bytes to transparent mode (they belong to the socket, not to the parser).</summary>
        public int TakeBuffered(byte[] buffer, int offset, int count, bool dropLeadingLf)
        {
            if (dropLeadingLf && _inPos < _inLen && _in[_inPos] == 10)
            {
                _inPos++;
            }

            int n = Math.Min(count, _inLen - _inPos);
            Array.Copy(_in, _inPos, buffer, offset, n);
            _inPos += n;
            return n;
        }

        /// <summary>Forgets buffered bytes and any unfinished line (entering or leaving transparent mode).</summary>
        public void Reset(bool discardBuffered)
        {
            if (discardBuffered)
            {
                _inPos = _inLen;
            }

            _framer.Reset();
        }

        /// <summary>Frames and routes buffered bytes until they run out or the wait in progress is answered.</summary>
        public void Process()
        {
            while (_inPos < _inLen && !IsDone)
            {
                int result = _framer.Push(_in[_inPos++]);
                if (result == AtLineFramer.LineReady)
                {
                    HandleLine(_framer.Line);
                }
                else if (result == AtLineFramer.RawReady)
                {
                    _trace.Received(_framer.RawHeader + "[" + _framer.RawCount.ToString() + " bytes]");
                    Guard(null, _framer.RawHeader);
                }
                else if (_wait == WaitPrompt && _framer.IsPrompt)
                {
                    _framer.Reset();
                    _trace.Received(">");
                    Finish(AtStatus.Ok, ">", -1);
                }
            }
        }

        private void HandleLine(string line)
        {
            _trace.Received(line);
            if (_log.IsEnabled(LogLevel.Trace))
            {
                _log.Write(LogLevel.Trace, "AT", "< " + AtSecretMask.Apply(line));
            }

            bool command = _wait == WaitCommand || _wait == WaitPrompt;
            if (command)
            {
                // The echo of what was sent, a final, or a line the command asked for by prefix.
                if (line == _command.Text || TryFinal(line))
                {
                    return;
                }

                if (_command.ResponsePrefix != null && _framer.LineStartsWith(_command.ResponsePrefix))
                {
                    _reply.AddLine(line);
                    return;
                }
            }
            else if (_wait == WaitLine && _framer.LineStartsWith(_expectPrefix))
            {
                _reply.AddLine(line);
                Finish(AtStatus.Ok, line, -1);
                return;
            }

            if (Guard(line, null))
            {
                return;
            }

            if (command && _command.ResponsePrefix == null)
            {
                _reply.AddLine(line);
                return;
            }

            if (_log.IsEnabled(LogLevel.Debug))
            {
                _log.Write(LogLevel.Debug, "AT", "unexpected line: " + AtSecretMask.Apply(line));
            }
        }

        private bool TryFinal(string line)
        {
            if (line == OkLine)
            {
                // ESP-AT prints OK before the prompt, and before the final it means for some commands.
                return _wait == WaitPrompt || !_command.OkIsFinal || Finish(AtStatus.Ok, line, -1);
            }

            if (line == ErrorLine)
            {
                return Finish(AtStatus.Error, line, -1);
            }

            if (_framer.LineStartsWith(CmeError))
            {
                return Finish(AtStatus.CmeError, line, ParseCode(line.Substring(11)));
            }

            if (_framer.LineStartsWith(CmsError))
            {
                return Finish(AtStatus.CmsError, line, ParseCode(line.Substring(11)));
            }

            if (Matches(_command.SuccessFinals, line))
            {
                return Finish(AtStatus.Ok, line, -1);
            }

            return Matches(_command.FailureFinals, line) && Finish(AtStatus.Failed, line, -1);
        }

        private bool Finish(AtStatus status, string line, int code)
        {
            _reply.Status = status;
            _reply.Final = line;
            _reply.Code = code;
            IsDone = true;
            return true;
        }

        private bool Guard(string line, string rawHeader)
        {
            // A handler that throws (e.g. a user's message callback) must not take the modem conversation with it.
            try
            {
                return line != null
                    ? _urcs.Dispatch(line, _framer)
                    : _urcs.DispatchRaw(rawHeader, _framer.RawData, 0, _framer.RawCount);
            }
            catch (Exception e)
            {
                _log.Write(LogLevel.Error, "AT", "URC handler failed: " + e.Message);
                return true;
            }
        }

        private static bool Matches(string[] finals, string line)
        {
            if (finals == null)
            {
                return false;
            }

            for (int i = 0; i < finals.Length; i++)
            {
                if (line == finals[i])
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The number after "+CME ERROR:"; -1 when the modem sent text (AT+CMEE=2) or garbage.</summary>
        private static int ParseCode(string text)
        {
            int value;
            return AtFields.TryParseInt(text.Trim(), out value) && value >= 0 ? value : -1;
        }
    }
}
