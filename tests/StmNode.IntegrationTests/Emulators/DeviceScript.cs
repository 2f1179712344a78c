#nullable enable
using System;
using System.IO;
using System.Text;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Adapters;

namespace StmNode.IntegrationTests.Emulators
{
    /// <summary>
    /// The device side of a serial link for raw AT scripts: sends text, waits (bounded) for expected output.
    /// Reads through <see cref="StreamSerialLine"/>, so the adapter is exercised too. Text is Latin-1 (byte = char).
    /// </summary>
    public sealed class DeviceScript : IDisposable
    {
        private static readonly Encoding Latin1 = Encoding.Latin1;
        private readonly StreamSerialLine _line;
        private readonly StringBuilder _received = new StringBuilder();
        private readonly object _gate = new object();
        private readonly Thread _reader;
        private volatile bool _stopped;
        private int _position;

        public DeviceScript(Stream deviceEnd)
        {
            _line = new StreamSerialLine(deviceEnd);
            _reader = new Thread(ReadLoop) { IsBackground = true, Name = "DeviceScript reader" };
            _reader.Start();
        }

        /// <summary>What ends a command line: CR for Quectel, CR-LF for ESP-AT.</summary>
        public string LineEnding { get; set; } = "\r";

        /// <summary>Everything received so far.</summary>
        public string All
        {
            get { lock (_gate) { return _received.ToString(); } }
        }

        public void Send(string text) => SendBytes(Latin1.GetBytes(text));

        public void SendBytes(byte[] data) => Assert.IsTrue(_line.Write(data, 0, data.Length), "write failed");

        /// <summary>Sends a command line (CR-terminated) and returns the output up to and including <paramref name="final"/>.</summary>
        public string Command(string command, string final = "\r\nOK\r\n", int timeoutMs = 3000)
        {
            Send(command + LineEnding);
            return WaitFor(final, timeoutMs);
        }

        /// <summary>Waits for <paramref name="text"/> after the read position; returns output up to its end and moves past it.</summary>
        public string WaitFor(string text, int timeoutMs = 3000)
        {
            long deadline = Environment.TickCount64 + timeoutMs;
            lock (_gate)
            {
                while (true)
                {
                    string all = _received.ToString();
                    int at = all.IndexOf(text, _position, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        string result = all.Substring(_position, at + text.Length - _position);
                        _position = at + text.Length;
                        return result;
                    }

                    long remaining = deadline - Environment.TickCount64;
                    if (remaining <= 0)
                    {
                        Assert.Fail("Timed out waiting for '" + Show(text) + "'. Unread output: '" + Show(all.Substring(_position)) + "'");
                    }

                    Monitor.Wait(_gate, (int)remaining);
                }
            }
        }

        /// <summary>Waits for a whole line starting with <paramref name="prefix"/> and returns it without CR-LF.</summary>
        public string WaitForLine(string prefix, int timeoutMs = 3000)
        {
            WaitFor("\r\n" + prefix, timeoutMs);
            string rest = WaitFor("\r\n", timeoutMs);
            return prefix + rest.Substring(0, rest.Length - 2);
        }

        /// <summary>Asserts <paramref name="text"/> does not appear after the read position within <paramref name="ms"/>.</summary>
        public void AssertAbsent(string text, int ms)
        {
            Thread.Sleep(ms);
            lock (_gate)
            {
                string unread = _received.ToString().Substring(_position);
                Assert.IsFalse(unread.Contains(text, StringComparison.Ordinal), "Unexpected '" + Show(text) + "' in '" + Show(unread) + "'");
            }
        }

        /// <summary>Forgets unread output.</summary>
        public void Skip()
        {
            lock (_gate)
            {
                _position = _received.Length;
            }
        }

        public void Dispose()
        {
            _stopped = true;
            _line.Dispose();
            _reader.Join(2000);
        }

        public static string Show(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\u001a", "^Z");

        private void ReadLoop()
        {
            var buffer = new byte[1024];
            while (!_stopped)
            {
                int n = _line.Read(buffer, 0, buffer.Length, 100);
                if (n < 0)
                {
                    return;
                }

                if (n > 0)
                {
                    lock (_gate)
                    {
                        _received.Append(Latin1.GetString(buffer, 0, n));
                        Monitor.PulseAll(_gate);
                    }
                }
            }
        }
    }
}
