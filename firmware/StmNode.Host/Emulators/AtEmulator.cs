#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// The common engine of every emulated modem: reads a byte stream, echoes, frames command lines, dispatches them
    /// through a command table, writes <c>\r\n…\r\n</c> responses and URCs, runs the <c>&gt;</c> prompt/payload mode
    /// and the transparent (data) mode, and loses all volatile state on reboot. Dialects register their commands.
    /// All state changes happen under <see cref="Sync"/>; network work runs on the thread pool and reports back under it.
    /// </summary>
    public abstract class AtEmulator : IDisposable
    {
        private const int MaxLineLength = 4096;

        private readonly Dictionary<string, Action<AtCommand>> _commands = new Dictionary<string, Action<AtCommand>>(StringComparer.OrdinalIgnoreCase);
        private readonly object _writeGate = new object();
        private readonly List<byte> _line = new List<byte>();
        private readonly List<byte> _echo = new List<byte>();
        private Stream? _stream;
        private InputMode _mode;
        private bool _lineOverflow;
        private PayloadRequest? _payload;
        private TransparentLink? _link;
        private readonly List<byte[]> _heldDownlink = new List<byte[]>();
        private long _lastInputTick;
        private int _heldPluses;
        private long _hangUntilTick;
        private bool _hangForever;
        private bool _poweredOff;
        private bool _disposed;

        protected AtEmulator(EmulatorOptions? options)
        {
            Options = options ?? new EmulatorOptions();
            Faults = new FaultInjector(this, Options.Seed);
        }

        private enum InputMode
        {
            Command,
            Payload,
            Transparent,
        }

        /// <summary>Raised for every line received and every write, for traces and the CLI.</summary>
        public event Action<string>? Traced;

        public EmulatorOptions Options { get; }

        /// <summary>Faults to inject on demand (see <see cref="FaultInjector"/>).</summary>
        public FaultInjector Faults { get; }

        /// <summary>Counts boots; asynchronous work started before a reboot checks it and stays silent.</summary>
        public int Generation { get; private set; }

        /// <summary>True after <c>AT+QPOWD</c> until <see cref="PowerOn"/>.</summary>
        public bool IsPoweredOff
        {
            get { lock (Sync) { return _poweredOff; } }
        }

        /// <summary>Echo of command characters (ATE1, the power-on default).</summary>
        protected internal bool Echo { get; set; } = true;

        /// <summary>AT+CMEE mode: 0 plain ERROR, 1 numeric, 2 verbose.</summary>
        protected internal int CmeMode { get; set; } = 1;

        /// <summary>AT+CMEE after power-on (ESP-AT has no CMEE: 0, plain ERROR).</summary>
        protected virtual int DefaultCmeMode => 1;

        /// <summary>The lock guarding all emulator state.</summary>
        protected internal object Sync { get; } = new object();

        /// <summary>ESP-AT style backslash escapes inside quoted parameters.</summary>
        protected virtual bool BackslashEscapes => false;

        /// <summary>True while a blocking command runs: new commands get <c>busy p...</c> (ESP-AT).</summary>
        protected virtual bool IsBusy => false;

        /// <summary>Whether a command ends with CR-LF (ESP-AT) instead of CR (Quectel, where LF is ignored).</summary>
        protected virtual bool CrLfTerminated => false;

        /// <summary>Longest accepted command line (ESP-AT: 256 bytes).</summary>
        protected virtual int CommandLengthLimit => MaxLineLength;

        /// <summary>
        /// Attaches to the modem end of a serial link and powers the modem on (boot banner first). The caller keeps
        /// ownership of the stream; the emulator stops when it ends or on <see cref="Dispose"/>.
        /// </summary>
        public void Attach(Stream stream)
        {
            lock (Sync)
            {
                if (_stream != null)
                {
                    throw new InvalidOperationException("The emulator is already attached.");
                }

                _stream = stream ?? throw new ArgumentNullException(nameof(stream));
                BootLocked();
            }

            var reader = new Thread(ReadLoop) { IsBackground = true, Name = GetType().Name + " reader" };
            reader.Start();
        }

        /// <summary>Reboots now: all volatile state is lost and the boot banner is printed again.</summary>
        public void Reboot()
        {
            lock (Sync)
            {
                BootLocked();
            }
        }

        /// <summary>Switches a powered-off modem on again (the PWRKEY pulse).</summary>
        public void PowerOn()
        {
            lock (Sync)
            {
                if (_poweredOff)
                {
                    _poweredOff = false;
                    BootLocked();
                }
            }
        }

        public void Dispose()
        {
            lock (Sync)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                Generation++;
                CloseTransparentLink();
                ResetState();
            }

            // The stream belongs to whoever attached it (a pipe, a pty): disposing it here could block on a pending read.
            _stream = null;
            GC.SuppressFinalize(this);
        }

        /// <summary>Registers a command handler; the name is <c>+QMTOPEN</c>, <c>E</c>, or empty for plain AT.</summary>
        protected internal void Register(string name, Action<AtCommand> handler)
        {
            _commands[name] = handler;
        }

        /// <summary>Registers commands that are accepted with a bare OK in every form.</summary>
        protected internal void RegisterAccepted(params string[] names)
        {
            foreach (string name in names)
            {
                Register(name, _ => Ok());
            }
        }

        /// <summary>Prints the power-on output of the dialect.</summary>
        protected abstract void EmitBootBanner();

        /// <summary>Clears the dialect's volatile state (closes broker sessions silently). Called under <see cref="Sync"/>.</summary>
        protected abstract void ResetState();

        /// <summary>Reports that the transparent link's peer closed it (Quectel NO CARRIER, ESP-AT CLOSED).</summary>
        protected abstract void OnTransparentLost();

        /// <summary>Reports leaving transparent mode with <c>+++</c> (Quectel prints OK, ESP-AT nothing).</summary>
        protected abstract void OnTransparentEscaped();

        /// <summary>Lines the URC storm fault picks from: harmless URCs of the dialect.</summary>
        protected abstract string[] StormUrcs { get; }

        /// <summary>Whether an unsolicited URC reaches this UART (EC20 routes URCs by AT+QURCCFG).</summary>
        protected virtual bool UrcReachesUart => true;

        /// <summary>Drops the MQTT connection of a client as if the broker link died, reporting it the dialect's way.</summary>
        protected internal abstract void DropMqtt(int clientIndex, int code);

        protected internal void Ok() => Line("OK");

        protected internal void Error() => Line("ERROR");

        /// <summary>Final error honouring AT+CMEE.</summary>
        protected internal void CmeError(int code)
        {
            switch (CmeMode)
            {
                case 0:
                    Error();
                    break;
                case 2:
                    Line("+CME ERROR: " + CmeText(code));
                    break;
                default:
                    Line("+CME ERROR: " + code);
                    break;
            }
        }

        /// <summary>Writes one framed line: <c>\r\ntext\r\n</c>.</summary>
        protected internal void Line(string text) => Write("\r\n" + text + "\r\n");

        /// <summary>Writes an information response of several lines in one frame.</summary>
        protected internal void Lines(params string[] lines) => Write("\r\n" + string.Join("\r\n", lines) + "\r\n");

        /// <summary>Writes an unsolicited result code (subject to URC routing).</summary>
        protected internal void Urc(string text)
        {
            if (UrcReachesUart)
            {
                Line(text);
            }
        }

        /// <summary>Writes a URC whose payload is raw bytes: <c>\r\n{head}{payload}{tail}\r\n</c>.</summary>
        protected internal void UrcBytes(string head, byte[] payload, string tail)
        {
            if (!UrcReachesUart)
            {
                return;
            }

            var bytes = new List<byte>(head.Length + payload.Length + tail.Length + 4);
            bytes.AddRange(Encoding.UTF8.GetBytes("\r\n" + head));
            bytes.AddRange(payload);
            bytes.AddRange(Encoding.UTF8.GetBytes(tail + "\r\n"));
            WriteBytes(bytes.ToArray());
        }

        protected internal void Write(string text) => WriteBytes(Encoding.UTF8.GetBytes(text));

        /// <summary>Writes raw bytes to the device, cut into chunks when the chunking fault is on.</summary>
        protected internal void WriteBytes(byte[] data)
        {
            Stream? stream = _stream;
            if (stream == null || data.Length == 0 || _poweredOff || IsHung())
            {
                return;
            }

            Traced?.Invoke("-> " + TraceMask.Apply(Printable(data)));
            lock (_writeGate)
            {
                try
                {
                    int offset = 0;
                    while (offset < data.Length)
                    {
                        int size = Faults.NextChunkSize(data.Length - offset);
                        stream.Write(data, offset, size);
                        stream.Flush();
                        offset += size;
                        if (offset < data.Length && Options.ChunkPauseMs > 0)
                        {
                            Thread.Sleep(Options.ChunkPauseMs);
                        }
                    }
                }
                catch (Exception ex) when (ex is IOException || ex is ObjectDisposedException || ex is NotSupportedException)
                {
                    // The device end is gone; the reader loop ends on its own.
                }
            }
        }

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

        /// <summary>
        /// Runs network work in the background, then hands its result to <paramref name="complete"/> under
        /// <see cref="Sync"/> while the work still belongs: same boot (<see cref="Generation"/>) and
        /// <paramref name="isCurrent"/>, when given, still true (e.g. the client still holds that session). A result
        /// that no longer belongs prints nothing; <paramref name="discard"/> may close what it opened.
        /// </summary>
        protected internal void RunThen<T>(Func<Task<T>> work, Action<T> complete, Func<bool>? isCurrent = null, Action<T>? discard = null)
        {
            int generation = Generation;
            RunAsync(async () =>
            {
                T result = await work().ConfigureAwait(false);
                lock (Sync)
                {
                    if (Generation == generation && (isCurrent == null || isCurrent()))
                    {
                        complete(result);
                    }
                    else
                    {
                        discard?.Invoke(result);
                    }
                }
            });
        }

        /// <summary><see cref="RunThen{T}"/> for work without a result (a delay).</summary>
        protected internal void RunThen(Func<Task> work, Action complete, Func<bool>? isCurrent = null)
        {
            RunThen(async () =>
            {
                await work().ConfigureAwait(false);
                return true;
            }, _ => complete(), isCurrent);
        }

        /// <summary>Opens a TCP connection within timeoutMs; null when it fails.</summary>
        protected internal static async Task<TcpClient?> ConnectTcpAsync(string host, int port, int timeoutMs)
        {
            var tcp = new TcpClient();
            try
            {
                using var cts = new CancellationTokenSource(timeoutMs);
                await tcp.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
                return tcp;
            }
            catch (Exception ex) when (ex is SocketException || ex is OperationCanceledException || ex is IOException)
            {
                tcp.Dispose();
                return null;
            }
        }

        /// <summary>Runs network work in the background; failures are traced, never thrown.</summary>
        protected internal void RunAsync(Func<Task> work)
        {
            Task.Run(async () =>
            {
                try
                {
                    await work().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    Traced?.Invoke("!! " + ex.GetType().Name + ": " + ex.Message);
                }
            });
        }

        protected internal void Trace(string text) => Traced?.Invoke(text);

        /// <summary>Powers off (AT+QPOWD): nothing is read or written until <see cref="PowerOn"/>.</summary>
        protected internal void PowerOff()
        {
            Generation++;
            CloseTransparentLink();
            ResetState();
            _poweredOff = true;
        }

        internal void InjectGarbage(byte[] garbage)
        {
            lock (Sync)
            {
                WriteBytes(garbage);
            }
        }

        internal void InjectUrcStorm(int count, Random random)
        {
            lock (Sync)
            {
                string[] urcs = StormUrcs;
                for (int i = 0; i < count; i++)
                {
                    Line(urcs[random.Next(urcs.Length)]);
                }
            }
        }

        internal void InjectHang(int milliseconds)
        {
            lock (Sync)
            {
                if (milliseconds < 0)
                {
                    _hangForever = true;
                }
                else
                {
                    _hangUntilTick = Environment.TickCount64 + milliseconds;
                }
            }
        }

        private static string CmeText(int code)
        {
            switch (code)
            {
                case 3: return "operation not allowed";
                case 4: return "operation not supported";
                case 10: return "SIM not inserted";
                case 30: return "no network service";
                case 50: return "incorrect parameters";
                default: return "unknown";
            }
        }

        private static string Printable(byte[] data)
        {
            var sb = new StringBuilder(data.Length);
            foreach (byte b in data)
            {
                if (b == '\r')
                {
                    sb.Append("\\r");
                }
                else if (b == '\n')
                {
                    sb.Append("\\n");
                }
                else if (b < 32 || b > 126)
                {
                    sb.Append("\\x").Append(b.ToString("X2"));
                }
                else
                {
                    sb.Append((char)b);
                }
            }

            return sb.ToString();
        }

        private bool IsHung() => _hangForever || Environment.TickCount64 < _hangUntilTick;

        private void BootLocked()
        {
            Generation++;
            CloseTransparentLink();
            ResetState();
            _mode = InputMode.Command;
            _payload = null;
            _line.Clear();
            _lineOverflow = false;
            _hangForever = false;
            _hangUntilTick = 0;
            Echo = true;
            CmeMode = DefaultCmeMode;
            EmitBootBanner();
        }

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
