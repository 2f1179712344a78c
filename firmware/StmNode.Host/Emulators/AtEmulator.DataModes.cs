#nullable enable
using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace StmNode.Host.Emulators
{
    /// <summary>The two data modes: a prompted payload (Ctrl-Z or a fixed length) and transparent TCP with its <c>+++</c> escape.</summary>
    public abstract partial class AtEmulator
    {
        /// <summary>
        /// Enters the payload mode after a prompt: the next bytes are payload, ended by Ctrl-Z (0x1A, ESC 0x1B cancels)
        /// when <paramref name="fixedLength"/> is negative, or after exactly that many bytes.
        /// </summary>
        protected internal void BeginPayload(string prompt, int fixedLength, int maxLength, Action<byte[]> onComplete, Action onCancel, bool echo = false)
        {
            if (Faults.DropPrompt)
            {
                // A lost command: no prompt and no payload mode, the device times out waiting for '>'.
                return;
            }

            var request = new PayloadRequest(fixedLength, maxLength, onComplete, onCancel, echo);
            _payload = request;
            _mode = InputMode.Payload;
            int delay = Faults.PromptDelayMs;
            if (delay <= 0)
            {
                Write(prompt);
                return;
            }

            RunThen(() => Task.Delay(delay), () => Write(prompt), () => ReferenceEquals(_payload, request));
        }

        /// <summary>Enters transparent mode over an open TCP connection: device bytes go to the peer and back.</summary>
        protected internal void EnterTransparent(TcpClient client)
        {
            CloseTransparentLink();
            var link = new TransparentLink(client);
            _link = link;
            _mode = InputMode.Transparent;
            _lastInputTick = Environment.TickCount64;
            _heldPluses = 0;
            int generation = Generation;
            Task.Run(() => PumpDownlink(link, generation));
        }

        /// <summary>True while a transparent connection exists (in data mode or escaped to command mode).</summary>
        protected internal bool HasTransparentLink => _link != null;

        /// <summary>Returns to data mode after <c>+++</c> (ATO); held peer data is delivered first.</summary>
        protected internal void ResumeTransparent()
        {
            if (_link == null)
            {
                return;
            }

            _mode = InputMode.Transparent;
            _lastInputTick = Environment.TickCount64;
            foreach (byte[] chunk in _heldDownlink)
            {
                WriteBytes(chunk);
            }

            _heldDownlink.Clear();
        }

        /// <summary>Closes the transparent connection, if any, without any output.</summary>
        protected internal void CloseTransparentLink()
        {
            _link?.Close();
            _link = null;
            _heldDownlink.Clear();
            if (_mode == InputMode.Transparent)
            {
                _mode = InputMode.Command;
            }
        }

        private int ProcessPayload(byte[] buffer, int index, int count)
        {
            PayloadRequest request = _payload!;
            if (Faults.TakeRebootDuringPayload())
            {
                // Reboot mid-publish: the rest of the payload lands in a freshly booted command parser.
                BootLocked();
                return index;
            }

            while (index < count)
            {
                byte b = buffer[index++];
                if (request.FixedLength < 0)
                {
                    if (b == 0x1A)
                    {
                        FinishPayload(request, true);
                        return index;
                    }

                    if (b == 0x1B)
                    {
                        FinishPayload(request, false);
                        return index;
                    }
                }

                request.Data.Add(b);
                if (request.Echo)
                {
                    _echo.Add(b);
                }

                if (request.Data.Count > request.MaxLength)
                {
                    _payload = null;
                    _mode = InputMode.Command;
                    Error();
                    return index;
                }

                if (request.FixedLength >= 0 && request.Data.Count == request.FixedLength)
                {
                    FinishPayload(request, true);
                    return index;
                }
            }

            return index;
        }

        private void FinishPayload(PayloadRequest request, bool complete)
        {
            FlushEcho();
            _payload = null;
            _mode = InputMode.Command;
            if (complete)
            {
                request.Complete(request.Data.ToArray());
            }
            else
            {
                request.Cancel();
            }
        }

        private int ProcessTransparent(byte[] buffer, int index, int count)
        {
            TransparentLink link = _link!;
            var forward = new List<byte>(count - index);
            long now = Environment.TickCount64;
            while (index < count && _mode == InputMode.Transparent)
            {
                byte b = buffer[index++];
                bool silentBefore = now - _lastInputTick >= Options.GuardTimeMs;
                if (b == '+' && _heldPluses < 3 && (_heldPluses > 0 || silentBefore))
                {
                    _heldPluses++;
                }
                else
                {
                    for (; _heldPluses > 0; _heldPluses--)
                    {
                        forward.Add((byte)'+');
                    }

                    forward.Add(b);
                }

                _lastInputTick = now;
            }

            if (forward.Count > 0 && !link.Send(forward.ToArray()))
            {
                LoseLink(link);
            }

            if (_heldPluses == 3)
            {
                ScheduleEscapeCheck(link, now);
            }

            return index;
        }

        private void ScheduleEscapeCheck(TransparentLink link, long plusTick)
        {
            int generation = Generation;
            Task.Delay(Options.GuardTimeMs + 5).ContinueWith(_ =>
            {
                lock (Sync)
                {
                    if (Generation == generation && ReferenceEquals(_link, link) && _mode == InputMode.Transparent
                        && _heldPluses == 3 && _lastInputTick == plusTick)
                    {
                        _heldPluses = 0;
                        _mode = InputMode.Command;
                        OnTransparentEscaped();
                    }
                }
            }, TaskScheduler.Default);
        }

        private async Task PumpDownlink(TransparentLink link, int generation)
        {
            var buffer = new byte[2048];
            while (true)
            {
                int n = await link.ReceiveAsync(buffer).ConfigureAwait(false);
                lock (Sync)
                {
                    if (Generation != generation || !ReferenceEquals(_link, link))
                    {
                        return;
                    }

                    if (n <= 0)
                    {
                        LoseLink(link);
                        return;
                    }

                    byte[] chunk = buffer.AsSpan(0, n).ToArray();
                    if (_mode == InputMode.Transparent)
                    {
                        WriteBytes(chunk);
                    }
                    else
                    {
                        _heldDownlink.Add(chunk);
                    }
                }
            }
        }

        private void LoseLink(TransparentLink link)
        {
            if (!ReferenceEquals(_link, link))
            {
                return;
            }

            link.Close();
            _link = null;
            _heldDownlink.Clear();
            _heldPluses = 0;
            _mode = InputMode.Command;
            OnTransparentLost();
        }

        private sealed class PayloadRequest
        {
            public PayloadRequest(int fixedLength, int maxLength, Action<byte[]> complete, Action cancel, bool echo)
            {
                Echo = echo;
                FixedLength = fixedLength;
                MaxLength = maxLength;
                Complete = complete;
                Cancel = cancel;
            }

            public int FixedLength { get; }

            /// <summary>Echo payload bytes back (Quectel QMTCFG "echomode" 1).</summary>
            public bool Echo { get; }

            public int MaxLength { get; }

            public Action<byte[]> Complete { get; }

            public Action Cancel { get; }

            public List<byte> Data { get; } = new List<byte>();
        }
    }
}
