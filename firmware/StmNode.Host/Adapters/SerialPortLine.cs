using System;
using System.IO;
using System.IO.Ports;
using StmNode.Ports;

namespace StmNode.Host.Adapters
{
    /// <summary>
    /// Core's <see cref="IByteStream"/> over a real serial port (a modem on a USB-serial adapter), 8N1 without flow
    /// control like the ESP32's UART wiring. Read waits at most the caller's timeout; failures are return values.
    /// </summary>
    public sealed class SerialPortLine : IByteStream, IDisposable
    {
        private readonly SerialPort _port;
        private bool _closed;

        private SerialPortLine(SerialPort port)
        {
            _port = port;
        }

        /// <summary>Opens the port; null with a reason when it cannot be opened (missing, busy, no permission).</summary>
        public static SerialPortLine TryOpen(string portName, int baud, out string error)
        {
            var port = new SerialPort(portName, baud, Parity.None, 8, StopBits.One)
            {
                Handshake = Handshake.None,
                WriteTimeout = 2000,
                ReadTimeout = 100,
            };
            try
            {
                port.Open();
                port.DiscardInBuffer();
                error = null;
                return new SerialPortLine(port);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is InvalidOperationException)
            {
                port.Dispose();
                error = "cannot open " + portName + ": " + e.Message;
                return null;
            }
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (_closed)
            {
                return -1;
            }

            try
            {
                _port.ReadTimeout = Math.Max(1, timeoutMs);
                return _port.Read(buffer, offset, count);
            }
            catch (TimeoutException)
            {
                return 0;
            }
            catch (Exception e) when (e is IOException || e is InvalidOperationException || e is UnauthorizedAccessException)
            {
                // The adapter was unplugged: the line is gone for good.
                _closed = true;
                return -1;
            }
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            if (_closed)
            {
                return false;
            }

            try
            {
                _port.Write(buffer, offset, count);
                return true;
            }
            catch (Exception e) when (e is IOException || e is InvalidOperationException || e is TimeoutException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            _closed = true;
            try
            {
                _port.Dispose();
            }
            catch (IOException)
            {
                // Closing an unplugged adapter may fail; there is nothing left to release.
            }
        }
    }
}
