using StmNode.At;
using StmNode.Ports;

namespace StmNode.Modems
{
    /// <summary>
    /// Opens an ESP-AT passthrough TCP (or SSL) connection: AT+CIPMUX=0, AT+CIPMODE=1, AT+CIPSTART, AT+CIPSEND and
    /// the <c>&gt;</c>, after which every byte goes to the socket (ESP-AT keeps passthrough until <c>+++</c>, even
    /// across a reconnect). Close sends <c>+++</c> between guard times, AT+CIPCLOSE and AT+CIPMODE=0.
    /// </summary>
    public sealed class EspAtStreamConnector : IStreamConnector
    {
        private const int GuardMs = 1000;
        private readonly EspAtModem _modem;
        private TransparentLine _open;
        private string _lastError = string.Empty;

        public EspAtStreamConnector(EspAtModem modem)
        {
            _modem = modem;
        }

        public string LastError
        {
            get { return _lastError; }
        }

        public IByteStream Open(string host, int port, bool useTls, int timeoutMs)
        {
            string escaped = AtText.EscapeEspAt(host);
            if (_open != null)
            {
                return Fail("a stream is already open on this module");
            }

            if (escaped == null || host.Length == 0 || host.Length > 128 || port < 1 || port > 65535 || timeoutMs < 1)
            {
                return Fail("host, port or timeout not usable in AT+CIPSTART");
            }

            AtCommand start = new AtCommand("AT+CIPSTART=\"" + (useTls ? "SSL" : "TCP") + "\",\"" + escaped + "\"," + port.ToString(), null, timeoutMs);
            AtChannel channel = _modem.Channel;
            if (!Step(channel.Send("AT+CIPMUX=0", null, 1000), "AT+CIPMUX") || !Step(channel.Send("AT+CIPMODE=1", null, 1000), "AT+CIPMODE"))
            {
                return null;
            }

            // "ALREADY CONNECTED" is followed by ERROR: the link is up, and that ERROR belongs to this command.
            AtReply started = channel.Send(start);
            if (!EspAtModem.IsNoticed(started, "ALREADY CONNECTED") && !Step(started, "AT+CIPSTART"))
            {
                return null;
            }

            if (!Step(channel.SendUntilPrompt(new AtCommand("AT+CIPSEND", null, 1000), 2000), "AT+CIPSEND"))
            {
                return null;
            }

            // The prompt is the last thing ESP-AT prints before passthrough; nothing (no final) follows it.
            channel.EnterTransparent();
            _open = new TransparentLine(channel, false);
            return _open;
        }

        public void Close(IByteStream stream)
        {
            if (stream == null || stream != _open)
            {
                return;
            }

            _modem.Channel.LeaveTransparent(GuardMs, false);
            _open.MarkClosed();
            _modem.Channel.Send("AT+CIPCLOSE", null, 5000);
            _modem.Channel.Send("AT+CIPMODE=0", null, 1000);
            _open = null;
        }

        private bool Step(AtReply reply, string name)
        {
            if (reply.IsOk)
            {
                return true;
            }

            _lastError = ModemError.FromReply(name, reply).Message;
            return false;
        }

        private IByteStream Fail(string message)
        {
            _lastError = message;
            return null;
        }
    }
}
