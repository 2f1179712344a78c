using StmNode.At;
using StmNode.Ports;

namespace StmNode.Modems
{
    /// <summary>
    /// Opens a transparent TCP socket on a BC26 / EC20 (AT+QIOPEN access mode 2; EC20 TLS through AT+QSSLOPEN) so that
    /// Core's own MQTT client can run over the modem. One stream at a time: while it is open the AT channel carries
    /// only socket bytes. Close leaves with <c>+++</c> between guard times and closes the socket.
    /// </summary>
    public sealed class QuectelStreamConnector : IStreamConnector
    {
        private const int GuardMs = 1000;
        private readonly QuectelModem _modem;
        private TransparentLine _open;
        private bool _openIsTls;
        private string _lastError = string.Empty;

        public QuectelStreamConnector(QuectelModem modem)
        {
            _modem = modem;
        }

        /// <summary>Socket index (connectID 0–11) used for the stream.</summary>
        public int ConnectId = 0;

        /// <summary>PDP context (EC20 AT+QIACT) the socket uses.</summary>
        public int ContextId = 1;

        /// <summary>SSL context configured with QuectelModem.ConfigureTls, for TLS streams.</summary>
        public int SslContext = 0;

        /// <summary>APN for the bearer (null keeps the modem's default context), with its credentials if any.</summary>
        public string Apn;
        public string ApnUser;
        public string ApnPassword;

        /// <summary>How long the bearer bring-up waits for network registration.</summary>
        public int RegistrationTimeoutMs = 120000;

        public string LastError
        {
            get { return _lastError; }
        }

        public IByteStream Open(string host, int port, bool useTls, int timeoutMs)
        {
            if (_open != null)
            {
                return Fail("a stream is already open on this modem");
            }

            if (!AtText.IsQuectelSafe(host, 150) || host.Length == 0 || port < 1 || port > 65535 || timeoutMs < 1)
            {
                return Fail("host, port or timeout not usable in AT+QIOPEN");
            }

            if (useTls && !_modem.SupportsTls)
            {
                return Fail(_modem.Kind + " has no TLS sockets");
            }

            // After power-up or a reboot the modem has no bearer: bring it up the way the modem's MQTT link does.
            if (_modem.NeedsInit && !_modem.BringUpBearer(Apn, ApnUser, ApnPassword, RegistrationTimeoutMs))
            {
                return Fail(_modem.Kind + " bearer: " + (_modem.LastError == null ? "failed" : _modem.LastError.Message));
            }

            // Transparent access mode (2) is not on every model: a module whose AT+QIOPEN=? lists the access modes
            // without it is told apart here, with a clear reason, instead of by a parameter error.
            int accessModes = useTls ? -1 : TestCommandRange.HighestOfLast(_modem.Channel.Send("AT+QIOPEN=?", "+QIOPEN:", 300).Find("+QIOPEN:"));
            if (accessModes >= 0 && accessModes < 2)
            {
                return Fail(_modem.Kind + " has no transparent socket (AT+QIOPEN=? lists access modes up to " + accessModes.ToString() + ")");
            }

            string target = ",\"" + host + "\"," + port.ToString();
            string command = useTls
                ? "AT+QSSLOPEN=" + ContextId.ToString() + "," + SslContext.ToString() + "," + ConnectId.ToString() + target + ",2"
                : "AT+QIOPEN=" + ContextId.ToString() + "," + ConnectId.ToString() + ",\"TCP\"" + target + ",0,2";
            AtCommand open = new AtCommand(command, null, timeoutMs);
            open.SuccessFinals = new string[] { "CONNECT" };
            open.FailureFinals = new string[] { "NO CARRIER" };
            open.OkIsFinal = false;
            AtReply reply = _modem.Channel.Send(open);
            if (!reply.IsOk)
            {
                return Fail(ModemError.FromReply(useTls ? "AT+QSSLOPEN" : "AT+QIOPEN", reply).Message);
            }

            _modem.Channel.EnterTransparent();
            _open = new TransparentLine(_modem.Channel, true);
            _openIsTls = useTls;
            return _open;
        }

        public void Close(IByteStream stream)
        {
            if (stream == null || stream != _open)
            {
                return;
            }

            if (!_open.RemoteClosed)
            {
                _modem.Channel.LeaveTransparent(GuardMs, true);
            }

            _open.MarkClosed();
            _modem.Channel.Send((_openIsTls ? "AT+QSSLCLOSE=" : "AT+QICLOSE=") + ConnectId.ToString(), null, 10000);
            _open = null;
        }

        private IByteStream Fail(string message)
        {
            _lastError = message;
            return null;
        }
    }
}
