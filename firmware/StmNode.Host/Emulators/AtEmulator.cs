#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// The common engine of every emulated modem: reads a byte stream, echoes, frames command lines, dispatches them
    /// through a command table, writes <c>\r\n…\r\n</c> responses and URCs, runs the <c>&gt;</c> prompt/payload mode
    /// and the transparent (data) mode, and loses all volatile state on reboot. Dialects register their commands.
    /// All state changes happen under <see cref="Sync"/>; network work runs on the thread pool and reports back under it.
    /// </summary>
    public abstract partial class AtEmulator : IDisposable
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
    }
}
