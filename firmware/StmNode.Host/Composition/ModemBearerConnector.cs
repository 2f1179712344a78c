using System;
using StmNode.Modems;
using StmNode.Ports;

namespace StmNode.Host.Composition
{
    /// <summary>
    /// Core's transparent-socket connector for a Quectel modem, with the bearer brought up first when the modem needs
    /// it (power, init, SIM, APN, registration, PDP: the same public driver steps, in the order QuectelMqttLink uses),
    /// so Core's own MQTT client can run over the modem's raw TCP socket ("tcp-raw").
    /// </summary>
    public sealed class ModemBearerConnector : IStreamConnector
    {
        private readonly QuectelModem _modem;
        private readonly QuectelStreamConnector _sockets;
        private readonly string _apn;
        private readonly int _registrationTimeoutMs;
        private string _lastError = "";

        public ModemBearerConnector(QuectelModem modem, string apn, int registrationTimeoutMs)
        {
            _modem = modem ?? throw new ArgumentNullException(nameof(modem));
            _sockets = new QuectelStreamConnector(modem);
            _apn = apn;
            _registrationTimeoutMs = registrationTimeoutMs;
        }

        public string LastError => _lastError.Length > 0 ? _lastError : _sockets.LastError;

        public ISerialLine Open(string host, int port, bool useTls, int timeoutMs)
        {
            _lastError = "";
            if (_modem.NeedsInit)
            {
                bool up = _modem.PowerOn() && _modem.Initialize() && _modem.CheckSim()
                    && (_apn == null || _modem.SetApn(_apn, null, null))
                    && _modem.WaitRegistered(_registrationTimeoutMs) && _modem.ActivatePdp();
                if (!up)
                {
                    _lastError = _modem.Kind + " bearer: " + (_modem.LastError == null ? "failed" : _modem.LastError.Message);
                    return null;
                }
            }

            return _sockets.Open(host, port, useTls, timeoutMs);
        }

        public void Close(ISerialLine stream) => _sockets.Close(stream);
    }
}
