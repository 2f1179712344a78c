using System;
using StmNode.Ports;

namespace StmNode.Modems
{
    /// <summary>
    /// The escalation ladder and the diag figures of a Quectel modem (BC26, EC20) for the link supervisor. Each rung
    /// closes the MQTT session first, so the next connect brings up whatever the rung took down.
    /// </summary>
    public sealed class QuectelRecovery : IModemRecovery, ILinkInfo
    {
        /// <summary>Time the modem needs to shut down after PWRKEY before it can be switched on again.</summary>
        public const int PowerOffWaitMs = 3000;

        private readonly QuectelModem _modem;
        private readonly QuectelMqttLink _link;
        private string _imei = "";
        private string _iccid = "";

        /// <summary>The link as the node registers it, with one QuectelRecovery as both its recovery and its diag source.</summary>
        public static Transport TransportOf(QuectelModem modem, QuectelMqttLink link, int plainPort)
        {
            QuectelRecovery recovery = new QuectelRecovery(modem, link);
            return new Transport(link, recovery, recovery, plainPort);
        }

        public QuectelRecovery(QuectelModem modem, QuectelMqttLink link)
        {
            _modem = modem;
            _link = link;
        }

        /// <summary>From AT+CSQ: -113 + 2 × rssi dBm; 0 when unknown (99) or the modem does not answer.</summary>
        public int SignalDbm
        {
            get
            {
                int rssi;
                int ber;
                if (!_modem.ReadSignal(out rssi, out ber) || rssi < 0 || rssi > 31)
                {
                    return 0;
                }

                return -113 + 2 * rssi;
            }
        }

        public string Imei
        {
            get
            {
                if (_imei.Length == 0)
                {
                    _imei = Known(_modem.ReadImei());
                }

                return _imei;
            }
        }

        public string Iccid
        {
            get
            {
                if (_iccid.Length == 0)
                {
                    _iccid = Known(_modem.ReadIccid());
                }

                return _iccid;
            }
        }

        public bool TryReadNetworkTime(out DateTime utc)
        {
            return _modem.ReadNetworkTime(out utc);
        }

        public bool ReopenMqtt()
        {
            _link.Disconnect();
            return true;
        }

        public bool CycleRadio()
        {
            _link.Disconnect();
            return _modem.CycleRadio();
        }

        public bool CyclePower()
        {
            _link.Disconnect();

            // Orderly power-down first (AT+QPOWD, else the model's long PWRKEY press): the short switch-on pulse
            // cannot switch an EC20 off, it needs at least 650 ms.
            if (_modem.PowerOff())
            {
                _modem.Channel.Clock.Sleep(PowerOffWaitMs);
                return _modem.PowerOn();
            }

            // It would not power down: a hardware reset, without PWRKEY (a press while it boots could switch it off).
            return _modem.Restart();
        }

        private static string Known(string value)
        {
            return value == null ? "" : value;
        }
    }
}
