using StmNode.At;

namespace StmNode.Modems
{
    /// <summary>The two phases of a command: acceptance, the result URC under its own timer, result codes as typed errors.</summary>
    public sealed partial class QuectelMqtt
    {
        private string[] TwoPhase(string command, string urc, int resultTimeoutMs)
        {
            _lostDuringWait = false;
            _waiting = true;
            AtReply accepted = _channel.Send(new AtCommand(command, urc, AcceptTimeoutMs));
            return SecondPhase(command, urc, accepted, resultTimeoutMs);
        }

        /// <summary>The result URC's fields after the prefix (it may already have come with the OK); null on failure.</summary>
        private string[] SecondPhase(string command, string urc, AtReply accepted, int resultTimeoutMs)
        {
            string line = SecondPhaseLine(command, urc, accepted, resultTimeoutMs);
            return line == null ? null : AtFields.Split(line.Substring(urc.Length));
        }

        /// <summary>The whole result URC line (starting with the prefix); null on failure.</summary>
        private string SecondPhaseLine(string command, string urc, AtReply accepted, int resultTimeoutMs)
        {
            string line = ResultLine(command, urc, accepted, resultTimeoutMs);
            _waiting = false;
            return line;
        }

        private string ResultLine(string command, string urc, AtReply accepted, int resultTimeoutMs)
        {
            if (!accepted.IsOk)
            {
                LastError = _lostDuringWait ? LastError : ModemError.FromReply(CommandName(command), accepted);
                return null;
            }

            string early = accepted.Find(urc);
            string text = early == null ? null : urc + early;
            if (text == null)
            {
                AtReply result = _channel.Expect(urc, resultTimeoutMs);
                if (!result.IsOk)
                {
                    LastError = _lostDuringWait ? LastError : result.Status == AtStatus.Timeout
                        ? new ModemError(ModemErrorKind.Timeout, -1, CommandName(command) + ": no " + urc.Substring(0, urc.IndexOf(':')) + " result")
                        : ModemError.FromReply(CommandName(command), result);
                    return null;
                }

                text = result.Final;
            }

            return text;
        }

        /// <summary>
        /// The first field from start as <c>AtFields.IntAt(AtFields.Split(…), 0, -1)</c> reads it: plain digits (the
        /// normal result) are read in place, anything else goes through Split so odd lines read exactly as before.
        /// </summary>
        private static int ResultCode(string line, int start)
        {
            int end = start;
            while (end < line.Length && line[end] >= '0' && line[end] <= '9')
            {
                end++;
            }

            if (end == start || end - start > 9 || (end < line.Length && line[end] != ','))
            {
                return AtFields.IntAt(AtFields.Split(line.Substring(start)), 0, -1);
            }

            int value = 0;
            for (int i = start; i < end; i++)
            {
                value = value * 10 + (line[i] - '0');
            }

            return value;
        }

        // "AT+QMTPUB" of "AT+QMTPUB=0,1,…": named only when an error needs it, not on every successful command.
        private static string CommandName(string command)
        {
            int equals = command.IndexOf('=');
            return equals > 0 ? command.Substring(0, equals) : command;
        }

        private bool PacketOk(string what, string[] result)
        {
            return PacketOk(what, AtFields.IntAt(result, 0, -1));
        }

        private bool PacketOk(string what, int code)
        {
            if (code == 0)
            {
                return true;
            }

            LastError = new ModemError(ModemErrorKind.PacketFailed, code, what + " result " + code.ToString() + ": " + QuectelCodes.Packet(code));
            return false;
        }
    }
}
