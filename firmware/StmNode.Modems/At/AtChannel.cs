// nano-hot: runs for every byte, line or report; the guard (PortabilityScanner) keeps StartsWith and text[i] loops out.
using System.Text;
using StmNode.Ports;

namespace StmNode.At
{
    /// <summary>
    /// The AT conversation with one modem over a serial line: one command in flight with its own timeout, typed
    /// finals, intermediates by prefix, URCs dispatched whenever they arrive (also inside a reply), the <c>&gt;</c>
    /// prompt with data mode, transparent mode and a masked trace. Single-threaded and poll-driven: nothing happens
    /// unless a caller is inside Send, SendData, Expect or Poll, so tests in virtual time are deterministic.
    /// Routing of received lines lives in <see cref="AtReceiver"/>.
    /// </summary>
    public sealed partial class AtChannel
    {
        private const int ResyncAttempts = 3;
        private const int ResyncTimeoutMs = 500;
        private const int DrainMs = 300;

        private static readonly byte[] CtrlZ = new byte[] { 0x1A };
        private static readonly byte[] Escape = new byte[] { 0x1B };

        private readonly IByteStream _line;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly AtTrace _trace = new AtTrace(40);
        private readonly AtReceiver _receiver;

        // Written synchronously by IByteStream.Write, so one buffer serves every command line.
        private byte[] _commandBytes = new byte[128];
        private bool _transparent;
        private bool _dropLf;
        private bool _drainBeforeNext;

        public AtChannel(IByteStream line, IClock clock, ILog log)
        {
            _line = line;
            _clock = clock;
            _log = log;
            _receiver = new AtReceiver(_trace, log);
            LineEnding = "\r";
        }

        /// <summary>What ends a command line: CR for Quectel, CR-LF for ESP-AT.</summary>
        public string LineEnding;

        public IClock Clock
        {
            get { return _clock; }
        }

        public AtTrace Trace
        {
            get { return _trace; }
        }

        public bool IsTransparent
        {
            get { return _transparent; }
        }

        /// <summary>Received lines dropped as too long to be anything but noise (a diagnostic figure).</summary>
        public int DroppedLines
        {
            get { return _receiver.Dropped; }
        }

        public void AddUrc(string prefix, AtUrcHandler handler)
        {
            _receiver.AddUrc(prefix, handler);
        }

        /// <summary>Registers a URC carrying a raw section whose length its header announces.</summary>
        public void AddRawUrc(string prefix, AtRawLength lengthOf, AtRawUrcHandler handler)
        {
            _receiver.AddRawUrc(prefix, lengthOf, handler);
        }

        public AtReply Send(string text, string responsePrefix, int timeoutMs)
        {
            return Send(new AtCommand(text, responsePrefix, timeoutMs));
        }

        /// <summary>Sends a command and waits for its final; on timeout the channel resynchronises with AT.</summary>
        public AtReply Send(AtCommand command)
        {
            if (!WriteCommand(command))
            {
                return new AtReply(AtStatus.LineFailed);
            }

            AtReply reply = Wait(AtReceiver.WaitCommand, command, null, command.TimeoutMs);
            ResyncAfterTimeout(reply, command);
            return reply;
        }

        /// <summary>
        /// Sends a command, waits up to promptTimeoutMs for <c>&gt;</c>, writes the data exactly (plus Ctrl-Z when
        /// asked) and waits for the final. Without a prompt no data is written; a Quectel prompt is cancelled by ESC.
        /// </summary>
        public AtReply SendData(AtCommand command, byte[] data, int offset, int count, bool ctrlZ, int promptTimeoutMs)
        {
            AtReply prompt = SendUntilPrompt(command, promptTimeoutMs);
            if (!prompt.IsOk)
            {
                if (prompt.Status == AtStatus.Timeout && ctrlZ)
                {
                    WriteBytes(Escape, 0, 1);
                }

                ResyncAfterTimeout(prompt, command);
                return prompt;
            }

            _trace.SentData(count, ctrlZ);
            if (!WriteBytes(data, offset, count) || (ctrlZ && !WriteBytes(CtrlZ, 0, 1)))
            {
                return new AtReply(AtStatus.LineFailed);
            }

            AtReply reply = Wait(AtReceiver.WaitCommand, command, null, command.TimeoutMs);
            ResyncAfterTimeout(reply, command);
            return reply;
        }

        /// <summary>
        /// Sends a command and returns as soon as the <c>&gt;</c> prompt arrived (Ok), or its error final, or a timeout;
        /// never resynchronises, because after a late prompt anything written would be data.
        /// </summary>
        public AtReply SendUntilPrompt(AtCommand command, int promptTimeoutMs)
        {
            if (!WriteCommand(command))
            {
                return new AtReply(AtStatus.LineFailed);
            }

            return Wait(AtReceiver.WaitPrompt, command, null, promptTimeoutMs);
        }

        /// <summary>Waits for the final of a command without writing anything (after raw data sent with WriteRaw).</summary>
        public AtReply WaitFor(AtCommand command)
        {
            return Wait(AtReceiver.WaitCommand, command, null, command.TimeoutMs);
        }

        /// <summary>Waits for a line starting with prefix (the second phase of a two-phase command); Ok carries it.</summary>
        public AtReply Expect(string prefix, int timeoutMs)
        {
            return Wait(AtReceiver.WaitLine, null, prefix, timeoutMs);
        }

        /// <summary>Reads and dispatches URCs for at most timeoutMs; returns once received data was handled.</summary>
        public void Poll(int timeoutMs)
        {
            if (_transparent)
            {
                return;
            }

            _receiver.Process();
            long deadline = _clock.UptimeMs + timeoutMs;
            bool received = false;
            while (true)
            {
                long left = deadline - _clock.UptimeMs;
                int n = _line.Read(_receiver.Buffer, 0, _receiver.Buffer.Length, received || left < 0 ? 0 : (int)left);
                if (n <= 0)
                {
                    return;
                }

                received = true;
                _receiver.Received(n);
                _receiver.Process();
            }
        }

        /// <summary>Sends AT until OK (a few tries); true when the modem answers again.</summary>
        public bool Resync()
        {
            for (int i = 0; i < ResyncAttempts; i++)
            {
                AtCommand at = new AtCommand("AT", null, ResyncTimeoutMs);
                if (WriteCommand(at) && Wait(AtReceiver.WaitCommand, at, null, ResyncTimeoutMs).IsOk)
                {
                    return true;
                }
            }

            Log(LogLevel.Warning, "no answer to AT after " + ResyncAttempts.ToString() + " tries");
            return false;
        }

        /// <summary>Ends the wait in progress with <see cref="AtStatus.Aborted"/>; URC handlers call it on a modem reboot.</summary>
        public void Abort(string reason)
        {
            _receiver.Abort(reason);
        }

        private bool WriteCommand(AtCommand command)
        {
            if (_drainBeforeNext)
            {
                // After an abandoned command the modem may still answer it; swallow that late answer first, or every
                // later reply would be taken for the one after it.
                _drainBeforeNext = false;
                Drain();
            }

            _trace.Sent(command.Text);
            if (_log.IsEnabled(LogLevel.Trace))
            {
                Log(LogLevel.Trace, "> " + AtSecretMask.Apply(command.Text));
            }

            int length = EncodeCommand(command.Text);
            return WriteBytes(_commandBytes, 0, length);
        }

        // The command line and its ending as UTF-8 into the reused buffer, by the runtime's encoder (native on
        // nanoFramework, where a loop over text[i] rescans the string for each character).
        private int EncodeCommand(string text)
        {
            string ending = LineEnding;
            int textLength = text.Length;
            int endingLength = ending.Length;
            int most = 3 * (textLength + endingLength);
            if (_commandBytes.Length < most)
            {
                _commandBytes = new byte[2 * most]; // headroom: a command a digit longer does not grow it again
            }

            int n = Encoding.UTF8.GetBytes(text, 0, textLength, _commandBytes, 0);
            return n + Encoding.UTF8.GetBytes(ending, 0, endingLength, _commandBytes, n);
        }

        private bool WriteBytes(byte[] data, int offset, int count)
        {
            if (_line.Write(data, offset, count))
            {
                return true;
            }

            Log(LogLevel.Warning, "serial write failed");
            return false;
        }

        private AtReply Wait(int mode, AtCommand command, string prefix, int timeoutMs)
        {
            _receiver.Begin(mode, command, prefix);
            long deadline = _clock.UptimeMs + timeoutMs;
            while (true)
            {
                _receiver.Process();
                long left = deadline - _clock.UptimeMs;
                if (_receiver.IsDone || left <= 0)
                {
                    break;
                }

                int n = _line.Read(_receiver.Buffer, 0, _receiver.Buffer.Length, (int)left);
                if (n < 0)
                {
                    _receiver.Fail(AtStatus.LineFailed);
                    break;
                }

                _receiver.Received(n);
            }

            AtReply reply = _receiver.End();
            _drainBeforeNext = reply.Status == AtStatus.Aborted || reply.Status == AtStatus.Timeout;
            if (reply.Status == AtStatus.Timeout)
            {
                _trace.Note("timeout");
            }

            return reply;
        }

        /// <summary>Reads and dispatches for a short settle time; late finals of abandoned commands are ignored.</summary>
        private void Drain()
        {
            long deadline = _clock.UptimeMs + DrainMs;
            while (!_transparent && _clock.UptimeMs < deadline)
            {
                Poll((int)(deadline - _clock.UptimeMs));
            }
        }

        private void ResyncAfterTimeout(AtReply reply, AtCommand command)
        {
            if (reply.Status == AtStatus.Timeout)
            {
                Log(LogLevel.Warning, "timeout on " + AtSecretMask.Apply(command.Text));
                Resync();
            }
        }

        private void Log(LogLevel level, string message)
        {
            if (_log.IsEnabled(level))
            {
                _log.Write(level, "AT", message);
            }
        }
    }
}
