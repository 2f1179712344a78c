#nullable enable
namespace StmNode.Host.Emulators
{
    /// <summary>
    /// The basics and Wi-Fi of ESP-AT: AT, ATE, AT+RST, AT+GMR, station mode (AT+CWMODE) and joining an AP
    /// (AT+CWJAP, AT+CWQAP). The joined AP is remembered across reboots, like the real flash-stored one.
    /// </summary>
    internal sealed class EspAtWifiCommands : AtCommandGroup
    {
        private readonly EspAtEmulator _modem;
        private string? _storedSsid;
        private bool _wifiUp;
        private int _cwMode = 1;

        public EspAtWifiCommands(EspAtEmulator modem)
            : base(modem)
        {
            _modem = modem;
            Register(string.Empty, _ => Ok());
            Register("E", c =>
            {
                _modem.Echo = c.ArgumentText == "1";
                Ok();
            });
            Register("+RST", _ =>
            {
                Ok();
                _modem.Reboot();
            });
            Register("+GMR", _ =>
            {
                if (_modem.Esp8266)
                {
                    Lines("AT version:2.2.1.0(8d7d3c8 - ESP8266 - Jun 17 2021 12:49:11)", "SDK version:v3.4-22-g967752e2", "compile time(6800286):Aug  4 2021 17:20:05", "Bin version:2.2.1(ESP8266_1MB)");
                }
                else
                {
                    Lines("AT version:2.2.0.0(c6fa6bf - ESP32 - Jul  2 2021 06:44:05)", "SDK version:v4.2.2-76-gefa6eca", "compile time(3a696ba):Jul  2 2021 11:54:43", "Bin version:2.2.0(WROOM-32)");
                }
                Ok();
            });
            Register("+CWMODE", CwMode);
            Register("+CWJAP", CwJap);
            Register("+CWQAP", _ =>
            {
                _wifiUp = false;
                Ok();
                Line("WIFI DISCONNECT");
            });
        }

        /// <summary>True while joined to an AP with an address.</summary>
        public bool IsUp => _wifiUp;

        /// <summary>Power-on: <c>ready</c>, then the stored AP is rejoined.</summary>
        public void Boot()
        {
            Line("ready");
            if (_storedSsid != null)
            {
                // The AP joined with AT+CWJAP is stored in flash and rejoined at boot.
                _wifiUp = true;
                Line("WIFI CONNECTED");
                Line("WIFI GOT IP");
            }
        }

        /// <summary>Forgets the connection and the mode, not the stored AP.</summary>
        public void Reset()
        {
            _wifiUp = false;
            _cwMode = 1;
        }

        private void CwMode(AtCommand c)
        {
            if (c.Kind == AtCommandKind.Read)
            {
                Line("+CWMODE:" + _cwMode);
            }
            else if (c.Kind == AtCommandKind.Set)
            {
                _cwMode = c.Int(0, 0, 3);
                if (_cwMode == 0 || _cwMode == 2)
                {
                    _wifiUp = false;
                }
            }

            Ok();
        }

        private void CwJap(AtCommand c)
        {
            if (c.Kind == AtCommandKind.Read)
            {
                Line(_wifiUp && _storedSsid != null ? "+CWJAP:\"" + _storedSsid + "\",\"a4:cf:12:00:00:01\",6,-45" : "No AP");
                Ok();
                return;
            }

            string? ssid = _storedSsid;
            string? password = null;
            if (c.Kind == AtCommandKind.Set)
            {
                ssid = c.Str(0, 32);
                password = c.StrOr(1, 64, string.Empty);
            }

            if (ssid == null || _cwMode == 0 || _cwMode == 2)
            {
                Error();
                return;
            }

            bool ssidOk = Options.WifiSsid == null || Options.WifiSsid == ssid;
            bool passwordOk = password == null || Options.WifiPassword == null || Options.WifiPassword == password;
            if (!ssidOk || !passwordOk)
            {
                _wifiUp = false;
                // ESP-AT 2.x: the error code, then ERROR (1.x ended with FAIL).
                Line("+CWJAP:" + (ssidOk ? 2 : 3));
                Error();
                return;
            }

            _storedSsid = ssid;
            _wifiUp = true;
            Line("WIFI CONNECTED");
            Line("WIFI GOT IP");
            Ok();
        }
    }
}
