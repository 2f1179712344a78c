using System;
using StmNode.Ports;

namespace StmNode.NanoBench
{
    /// <summary>
    /// An EC20 that answers at once, in memory and without allocating, so that only StmNode's side is measured:
    /// AT+QMTPUB with a length gets the prompt, then OK and +QMTPUB: 0,&lt;mid&gt;,0 once the payload is in; any other
    /// command gets OK. <see cref="Inject"/> queues bytes as if the modem had sent them. Before
    /// <see cref="GoInstant"/> it passes everything to the line it wraps (the scripted connect).
    /// </summary>
    public sealed class InstantEc20 : IByteStream
    {
        private static readonly byte[] Ok = Ascii("\r\nOK\r\n");
        private static readonly byte[] Prompt = Ascii("\r\n> ");
        private static readonly byte[] PubPrefix = Ascii("\r\n+QMTPUB: 0,");
        private static readonly byte[] PubSuffix = Ascii(",0\r\n");
        private static readonly byte[] QmtPub = Ascii("AT+QMTPUB=");

        private IByteStream _before;
        private bool _instant;
        private readonly byte[] _command = new byte[512];
        private readonly byte[] _out = new byte[8192];
        private int _commandLength;
        private int _payloadLeft;
        private int _mid;
        private int _outStart;
        private int _outEnd;

        public InstantEc20(IByteStream before)
        {
            _before = before;
        }

        /// <summary>From now on answer at once; the wrapped line is let go (its script is not the node's memory).</summary>
        public void GoInstant()
        {
            _instant = true;
            _before = null;
        }

        public void Inject(byte[] data)
        {
            Queue(data, data.Length);
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (!_instant)
            {
                return _before.Read(buffer, offset, count, timeoutMs);
            }

            int n = count < _outEnd - _outStart ? count : _outEnd - _outStart;
            Array.Copy(_out, _outStart, buffer, offset, n);
            _outStart += n;
            if (_outStart == _outEnd)
            {
                _outStart = 0;
                _outEnd = 0;
            }

            return n;
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            if (!_instant)
            {
                return _before.Write(buffer, offset, count);
            }

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
                else if (b != '\n' && _commandLength < _command.Length)
                {
                    _command[_commandLength++] = b;
                }
            }

            return true;
        }

        private void Command()
        {
            if (!IsPublish())
            {
                Queue(Ok, Ok.Length);
                return;
            }

            // AT+QMTPUB=<idx>,<mid>,<qos>,<retain>,"<topic>",<len>: mid is the 2nd field, len the last.
            int first = IndexOfComma(0, 1);
            int last = IndexOfComma(_commandLength - 1, -1);
            _mid = Number(first + 1);
            _payloadLeft = Number(last + 1);
            Queue(Prompt, Prompt.Length);
        }

        private int IndexOfComma(int from, int step)
        {
            for (int i = from; i >= 0 && i < _commandLength; i += step)
            {
                if (_command[i] == ',')
                {
                    return i;
                }
            }

            return -1;
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

        private bool IsPublish()
        {
            if (_commandLength < QmtPub.Length)
            {
                return false;
            }

            for (int i = 0; i < QmtPub.Length; i++)
            {
                if (_command[i] != QmtPub[i])
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

        private static byte[] Ascii(string text)
        {
            return System.Text.Encoding.UTF8.GetBytes(text);
        }
    }
}
