using System;
using System.IO.Ports;
using nanoFramework.Hardware.Esp32;
using StmNode.Ports;

namespace StmNode.Adapters
{
    /// <summary>
    /// A modem UART as Core's <see cref="IByteStream"/>. COM2 and COM3 have no default pins on the ESP32: the pins are
    /// assigned before the port is opened. Reads poll BytesToRead so every wait is bounded by the caller's timeout.
    /// </summary>
    public sealed class SerialPortLine : IByteStream
    {
        /// <summary>Quectel modems burst URCs and MQTT payloads; the default 256-byte driver buffer overflows.</summary>
        public const int ReadBufferBytes = 4096;

        private const int PollStepMs = 5;

        private readonly SerialPort _port;

        /// <param name="portName">"COM2" (UART1) or "COM3" (UART2).</param>
        public SerialPortLine(string portName, int rxGpio, int txGpio, int baudRate)
        {
            if (portName == "COM2")
            {
                Configuration.SetPinFunction(rxGpio, DeviceFunction.COM2_RX);
                Configuration.SetPinFunction(txGpio, DeviceFunction.COM2_TX);
            }
            else
            {
                Configuration.SetPinFunction(rxGpio, DeviceFunction.COM3_RX);
                Configuration.SetPinFunction(txGpio, DeviceFunction.COM3_TX);
            }

            _port = new SerialPort(portName, baudRate);
            _port.ReadBufferSize = ReadBufferBytes;
            _port.ReadTimeout = 100;
            _port.WriteTimeout = 2000;
            _port.Open();
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            try
            {
                int waited = 0;
                while (_port.BytesToRead == 0)
                {
                    if (waited >= timeoutMs)
                    {
                        return 0;
                    }

                    System.Threading.Thread.Sleep(PollStepMs);
                    waited += PollStepMs;
                }

                int available = _port.BytesToRead;
                return _port.Read(buffer, offset, available < count ? available : count);
            }
            catch (Exception)
            {
                return -1;
            }
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            try
            {
                _port.Write(buffer, offset, count);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
