using System;
using System.Collections;
using System.Text;
using StmNode.Ports;

namespace StmNode.Tests.Fakes
{
    /// <summary>
    /// A modem on a serial line, played from a script in virtual time: when the expected command (or data) is
    /// written, the scripted reply becomes readable, optionally after a delay and in small chunks; unsolicited bytes
    /// can be scheduled at any time. When nothing is readable a Read advances the clock by its timeout (or up to the
    /// next scheduled bytes) and returns 0, so waits cost no real time. Every write is checked against the script in
    /// order; the first mismatch is kept in <see cref="Failure"/>.
    /// </summary>
    public sealed class ScriptedModemLine : IByteStream
    {
        private readonly ManualClock _clock;
        private readonly ArrayList _expectations = new ArrayList();
        private readonly ArrayList _incoming = new ArrayList();
        private readonly StringBuilder _written = new StringBuilder();
        private readonly ArrayList _pending = new ArrayList();
        private Expectation _last;

        public ScriptedModemLine(ManualClock clock)
        {
            _clock = clock;
            ChunkSize = int.MaxValue;
        }

        /// <summary>Most bytes one Read returns (1 splits every reply at every position).</summary>
        public int ChunkSize;

        /// <summary>When true every Write fails, as on a dead UART.</summary>
        public bool WriteFails;

        /// <summary>When true Read returns -1 (the line is gone).</summary>
        public bool Closed;

        /// <summary>The first write that did not match the script; null when all writes matched.</summary>
        public string Failure { get; private set; }

        /// <summary>Scripted writes that never came.</summary>
        public int Unmet
        {
            get { return _expectations.Count; }
        }

        /// <summary>Everything written so far, bytes as chars.</summary>
        public string Written
        {
            get { return _written.ToString(); }
        }

        /// <summary>How often the text (not empty) was written, e.g. "AT+QMTSUB=".</summary>
        public int CountWritten(string text)
        {
            string written = Written;
            int count = 0;
            int at = written.IndexOf(text);
            while (at >= 0)
            {
                count++;
                at = written.IndexOf(text, at + text.Length);
            }

            return count;
        }

        /// <summary>When this command line is written, reply with this text as UTF-8 (null: stay silent).</summary>
        public ScriptedModemLine Expect(string command, string reply)
        {
            return Add(new Expectation(command, null), Utf8(reply), 0);
        }

        /// <summary>
        /// When this command line is written, reply with these bytes: replies holding 0x00 must be bytes, since a
        /// nanoFramework string ends at its first U+0000.
        /// </summary>
        public ScriptedModemLine ExpectRaw(string command, byte[] reply)
        {
            return Add(new Expectation(command, null), reply, 0);
        }

        /// <summary>When this command line is written, reply after delayMs.</summary>
        public ScriptedModemLine Expect(string command, string reply, int delayMs)
        {
            return Add(new Expectation(command, null), Utf8(reply), delayMs);
        }

        /// <summary>When exactly these raw bytes are written (payload, Ctrl-Z, ESC), reply with these bytes.</summary>
        public ScriptedModemLine ExpectData(byte[] data, string reply)
        {
            return Add(new Expectation(null, data), Utf8(reply), 0);
        }

        /// <summary>As ExpectData, with the reply given as bytes (see ExpectRaw).</summary>
        public ScriptedModemLine ExpectDataRaw(byte[] data, byte[] reply)
        {
            return Add(new Expectation(null, data), reply, 0);
        }

        public ScriptedModemLine ExpectData(string data, string reply)
        {
            return ExpectData(Encoding.UTF8.GetBytes(data), reply);
        }

        /// <summary>Adds a further reply to the last expectation, delayMs after its write (a two-phase result URC).</summary>
        public ScriptedModemLine Then(int delayMs, string reply)
        {
            _last.AddReply(Utf8(reply), delayMs);
            return this;
        }

        /// <summary>Unsolicited bytes, readable from now on.</summary>
        public void Send(string bytes)
        {
            Queue(_clock.UptimeMs, Encoding.UTF8.GetBytes(bytes));
        }

        public void Send(byte[] bytes)
        {
            Queue(_clock.UptimeMs, bytes);
        }

        /// <summary>Unsolicited bytes, readable from the given uptime.</summary>
        public void SendAt(long uptimeMs, string bytes)
        {
            Queue(uptimeMs, Encoding.UTF8.GetBytes(bytes));
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (Closed)
            {
                return -1;
            }

            Chunk next = _incoming.Count > 0 ? (Chunk)_incoming[0] : null;
            long now = _clock.UptimeMs;
            if (next == null || next.Time > now + timeoutMs)
            {
                _clock.Advance(timeoutMs > 0 ? timeoutMs : 0);
                return 0;
            }

            if (next.Time > now)
            {
                _clock.Advance(next.Time - now);
            }

            int n = Math.Min(Math.Min(count, ChunkSize), next.Data.Length - next.Position);
            Array.Copy(next.Data, next.Position, buffer, offset, n);
            next.Position += n;
            if (next.Position == next.Data.Length)
            {
                _incoming.RemoveAt(0);
            }

            return n;
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            if (WriteFails || Closed)
            {
                return false;
            }

            for (int i = offset; i < offset + count; i++)
            {
                _written.Append((char)buffer[i]);
                _pending.Add(buffer[i]);
            }

            Match();
            return true;
        }

        private static byte[] Utf8(string text)
        {
            return text == null ? null : Encoding.UTF8.GetBytes(text);
        }

        private ScriptedModemLine Add(Expectation expectation, byte[] reply, int delayMs)
        {
            expectation.AddReply(reply, delayMs);
            _expectations.Add(expectation);
            _last = expectation;
            return this;
        }

        private void Match()
        {
            while (_pending.Count > 0)
            {
                if (_expectations.Count == 0)
                {
                    Fail("unexpected write: " + PendingText(_pending.Count));
                    return;
                }

                Expectation next = (Expectation)_expectations[0];
                int used = next.Command != null ? MatchLine(next) : MatchData(next);
                if (used == 0)
                {
                    return;
                }

                for (int i = 0; i < used; i++)
                {
                    _pending.RemoveAt(0);
                }

                _expectations.RemoveAt(0);
                for (int i = 0; i < next.Replies.Count; i++)
                {
                    if (next.Replies[i] != null)
                    {
                        Queue(_clock.UptimeMs + (int)next.Delays[i], (byte[])next.Replies[i]);
                    }
                }
            }
        }

        private int MatchLine(Expectation next)
        {
            int cr = 0;
            while (cr < _pending.Count && (byte)_pending[cr] != 13)
            {
                cr++;
            }

            if (cr == _pending.Count)
            {
                return 0;
            }

            string text = PendingText(cr);
            if (text != next.Command)
            {
                Fail("expected " + next.Command + " but got " + text);
            }

            bool lf = cr + 1 < _pending.Count && (byte)_pending[cr + 1] == 10;
            return cr + (lf ? 2 : 1);
        }

        private int MatchData(Expectation next)
        {
            if (_pending.Count < next.Data.Length)
            {
                return 0;
            }

            for (int i = 0; i < next.Data.Length; i++)
            {
                if ((byte)_pending[i] != next.Data[i])
                {
                    Fail("expected data " + Encoding.UTF8.GetString(next.Data, 0, next.Data.Length) + " but got " + PendingText(_pending.Count));
                    break;
                }
            }

            return next.Data.Length;
        }

        private string PendingText(int count)
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++)
            {
                text.Append((char)(byte)_pending[i]);
            }

            return text.ToString();
        }

        private void Fail(string message)
        {
            if (Failure == null)
            {
                Failure = message;
            }
        }

        private void Queue(long time, byte[] data)
        {
            int at = _incoming.Count;
            while (at > 0 && ((Chunk)_incoming[at - 1]).Time > time)
            {
                at--;
            }

            Chunk chunk = new Chunk();
            chunk.Time = time;
            chunk.Data = data;
            _incoming.Insert(at, chunk);
        }

        private sealed class Chunk
        {
            public long Time;
            public byte[] Data;
            public int Position;
        }

        private sealed class Expectation
        {
            public readonly string Command;
            public readonly byte[] Data;
            public readonly ArrayList Replies = new ArrayList();
            public readonly ArrayList Delays = new ArrayList();

            public Expectation(string command, byte[] data)
            {
                Command = command;
                Data = data;
            }

            public void AddReply(byte[] reply, int delayMs)
            {
                Replies.Add(reply);
                Delays.Add(delayMs);
            }
        }
    }
}
