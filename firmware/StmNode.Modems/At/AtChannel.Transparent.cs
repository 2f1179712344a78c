using System;
using System.Text;

namespace StmNode.At
{
    /// <summary>Transparent (socket) mode of the channel: entering after CONNECT, raw reads and writes, leaving.</summary>
    public sealed partial class AtChannel
    {
        /// <summary>After CONNECT: bytes now belong to the socket, not to the AT parser.</summary>
        public void EnterTransparent()
        {
            _transparent = true;
            _dropLf = true;
            _receiver.Reset(false);
            _trace.Note("transparent mode");
        }

        /// <summary>The modem left transparent mode by itself (NO CARRIER): back to parsing lines, nothing written.</summary>
        public void ExitTransparent()
        {
            _transparent = false;
            _receiver.Reset(true);
            _trace.Note("command mode (remote close)");
        }

        /// <summary>
        /// Leaves transparent mode with <c>+++</c> between two silent guard times, then checks for the OK the modem
        /// prints (Quectel) or, when it prints nothing (ESP-AT), that it answers AT again.
        /// </summary>
        public bool LeaveTransparent(int guardMs, bool modemAcknowledges)
        {
            _clock.Sleep(guardMs);
            byte[] escape = Encoding.UTF8.GetBytes("+++");
            WriteBytes(escape, 0, escape.Length);
            _clock.Sleep(guardMs);
            _transparent = false;
            _receiver.Reset(true);
            _trace.Note("command mode");
            if (!modemAcknowledges)
            {
                return Resync();
            }

            AtReply reply = Wait(AtReceiver.WaitCommand, new AtCommand(string.Empty, null, 2000), null, 2000);
            return reply.IsOk || Resync();
        }

        /// <summary>Transparent-mode read: bytes left over after CONNECT first, then the line.</summary>
        public int ReadRaw(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (_receiver.HasBuffered)
            {
                int buffered = _receiver.TakeBuffered(buffer, offset, count, _dropLf);
                _dropLf = false;
                if (buffered > 0)
                {
                    return buffered;
                }
            }

            int n = _line.Read(buffer, offset, count, timeoutMs);

            // CONNECT ends with CR-LF and the framer stops at the CR: the LF is not socket data.
            if (_dropLf && n > 0)
            {
                _dropLf = false;
                if (buffer[offset] == 10)
                {
                    Array.Copy(buffer, offset + 1, buffer, offset, n - 1);
                    n--;
                }
            }

            return n;
        }

        public bool WriteRaw(byte[] buffer, int offset, int count)
        {
            return _line.Write(buffer, offset, count);
        }
    }
}
