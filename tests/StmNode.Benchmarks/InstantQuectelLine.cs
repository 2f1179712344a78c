using System;
using StmNode.Ports;

namespace StmNode.Benchmarks
{
    /// <summary>
    /// An EC20 that answers at once, in memory and without allocating, for measuring Core alone: AT+QMTPUB with a
    /// length gets the prompt, then OK and +QMTPUB: 0,&lt;mid&gt;,0 once the payload is in; any other command gets OK.
    /// <see cref="InjectUrc"/> queues a line as if the modem had sent it. Counts the bytes each way.
    /// </summary>
    public sealed class InstantQuectelLine : IByteStream
    {
        private readonly byte[] _command = new byte[512];
        private readonly byte[] _out = new byte[8192];
        private int _commandLength;
        private int _payloadLeft;
        private int _mid;
        private int _outStart;
        private int _outEnd;

        public long DeviceBytes { get; private set; }

        public long ModemBytes { get; private set; }

        public void ResetCounts()
        {
            DeviceBytes = 0;
            ModemBytes = 0;
        }

        public void InjectUrc(byte[] line)
        {
            Queue(line, line.Length);
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            int n = Math.Min(count, _outEnd - _outStart);
            Array.Copy(_out, _outStart, buffer, offset, n);
            _outStart += n;
            if (_outStart == _outEnd)
            {
                _outStart = 0;
                _outEnd = 0;
            }

            ModemBytes += n;
            return n;
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            DeviceBytes += count;
            for (int i = offset; i < offset + count; i++)
            {
                byte b = buffer[i];
                if (_payloadLeft > 0)
                {
                    if (--_payloadLeft == 0)
                    {
                        Queue(Ok, Ok.Length);
                        Queue(PubPrefix, PubPrefix.Length);
                        QueueNumber(_mid);
                        Queue(PubSuffix, PubSuffix.Length);
                    }
                }
                else if (b == '\r')
                {
                    Command();
                    _commandLength = 0;
                }
                else if (_commandLength < _command.Length)
                {
                    _command[_commandLength++] = b;
                }
            }

            return true;
        }

        private static readonly byte[] Ok = System.Text.Encoding.ASCII.GetBytes("\r\nOK\r\n");
        private static readonly byte[] Prompt = System.Text.Encoding.ASCII.GetBytes("\r\n> ");
        private static readonly byte[] PubPrefix = System.Text.Encoding.ASCII.GetBytes("\r\n+QMTPUB: 0,");
        private static readonly byte[] PubSuffix = System.Text.Encoding.ASCII.GetBytes(",0\r\n");
        private static readonly byte[] QmtPub = System.Text.Encoding.ASCII.GetBytes("AT+QMTPUB=");

        private void Command()
        {
            if (!StartsWith(QmtPub))
            {
                Queue(Ok, Ok.Length);
                return;
            }

            // AT+QMTPUB=<idx>,<mid>,<qos>,<retain>,"<topic>",<len>: mid is the 2nd field, len the last.
            int comma = Array.IndexOf(_command, (byte)',', 0, _commandLength);
            _mid = Number(comma + 1);
            int last = Array.LastIndexOf(_command, (byte)',', _commandLength - 1);
            _payloadLeft = Number(last + 1);
            Queue(Prompt, Prompt.Length);
        }

        private int Number(int start)
        {
            int value = 0;
            for (int i = start; i < _commandLength && _command[i] >= '0' && _command[i] <= '9'; i++)
            {
                value = value * 10 + (_command[i] - '0');
            }

            return value;
        }

        private bool StartsWith(byte[] prefix)
        {
            if (_commandLength < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (_command[i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        private void QueueNumber(int value)
        {
            int digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : 5;
            for (int i = digits - 1; i >= 0; i--)
            {
                _out[_outEnd + i] = (byte)('0' + value % 10);
                value /= 10;
            }

            _outEnd += digits;
        }

        private void Queue(byte[] data, int count)
        {
            Array.Copy(data, 0, _out, _outEnd, count);
            _outEnd += count;
        }
    }
}
