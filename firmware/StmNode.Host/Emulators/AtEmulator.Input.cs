#nullable enable
using System;
using System.IO;
using System.Text;

namespace StmNode.Host.Emulators
{
    /// <summary>The reader: bytes from the device, echo, command framing and dispatch through the command table.</summary>
    public abstract partial class AtEmulator
    {
        private void ReadLoop()
        {
            var buffer = new byte[1024];
            while (true)
            {
                Stream? stream = _stream;
                int n;
                try
                {
                    n = stream == null ? 0 : stream.Read(buffer, 0, buffer.Length);
                }
                catch (Exception ex) when (ex is IOException || ex is ObjectDisposedException || ex is TimeoutException || ex is NotSupportedException)
                {
                    n = 0;
                }

                if (n <= 0)
                {
                    lock (Sync)
                    {
                        if (!_disposed)
                        {
                            _disposed = true;
                            Generation++;
                            CloseTransparentLink();
                            ResetState();
                        }
                    }

                    return;
                }

                Traced?.Invoke("<- " + TraceMask.Apply(Printable(buffer.AsSpan(0, n).ToArray())));
                lock (Sync)
                {
                    if (_disposed)
                    {
                        return;
                    }

                    Process(buffer, n);
                }
            }
        }

        private void Process(byte[] buffer, int count)
        {
            int i = 0;
            while (i < count)
            {
                if (_poweredOff || IsHung())
                {
                    return;
                }

                switch (_mode)
                {
                    case InputMode.Payload:
                        i = ProcessPayload(buffer, i, count);
                        break;
                    case InputMode.Transparent:
                        i = ProcessTransparent(buffer, i, count);
                        break;
                    default:
                        ProcessCommandByte(buffer[i]);
                        i++;
                        break;
                }
            }

            FlushEcho();
        }

        private void ProcessCommandByte(byte b)
        {
            if (Echo && AcceptsInput())
            {
                _echo.Add(b);
            }

            bool endOfLine = CrLfTerminated
                ? b == '\n' && _line.Count > 0 && _line[_line.Count - 1] == '\r'
                : b == '\r';
            if (CrLfTerminated && b == '\n' && !endOfLine)
            {
                // A bare LF does not end an ESP-AT command: the line is dropped.
                _line.Clear();
                return;
            }

            if (endOfLine)
            {
                if (CrLfTerminated)
                {
                    _line.RemoveAt(_line.Count - 1);
                }

                FlushEcho();
                byte[] raw = _line.ToArray();
                bool overflow = _lineOverflow;
                _line.Clear();
                _lineOverflow = false;
                HandleLine(raw, overflow);
                return;
            }

            if (b == '\n')
            {
                return;
            }

            if (b == 8)
            {
                if (_line.Count > 0)
                {
                    _line.RemoveAt(_line.Count - 1);
                }

                return;
            }

            if (_line.Count >= MaxLineLength)
            {
                _lineOverflow = true;
                return;
            }

            _line.Add(b);
        }

        /// <summary>Whether command input is answered at all (BC26 ignores everything before auto-baud sync).</summary>
        protected virtual bool AcceptsInput() => true;

        /// <summary>Sees every complete line before dispatch; returns false to swallow it (auto-baud sync).</summary>
        protected virtual bool PreviewLine(string line) => true;

        private void HandleLine(byte[] raw, bool overflow)
        {
            string text = Encoding.UTF8.GetString(raw);
            int start = text.IndexOf("AT", StringComparison.OrdinalIgnoreCase);
            if (start < 0)
            {
                // Noise without a command prefix: real modems discard it silently.
                return;
            }

            text = text.Substring(start).TrimEnd(' ');
            if (!PreviewLine(text))
            {
                return;
            }

            if (overflow || Encoding.UTF8.GetByteCount(text) > CommandLengthLimit)
            {
                Error();
                return;
            }

            if (IsBusy)
            {
                Line("busy p...");
                return;
            }

            if (Faults.TryTakeFailure(text, out string reply))
            {
                Line(reply);
                return;
            }

            AtCommand command = AtCommand.Parse(text, BackslashEscapes);
            if (!_commands.TryGetValue(command.Name, out Action<AtCommand>? handler))
            {
                Error();
                return;
            }

            try
            {
                handler(command);
            }
            catch (AtParameterException ex)
            {
                CmeError(ex.CmeCode);
            }
        }

        private void FlushEcho()
        {
            if (_echo.Count > 0)
            {
                byte[] echo = _echo.ToArray();
                _echo.Clear();
                WriteBytes(echo);
            }
        }
    }
}
