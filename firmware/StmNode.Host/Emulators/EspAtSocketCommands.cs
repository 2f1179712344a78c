#nullable enable
using System;
using System.Net.Sockets;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// ESP-AT transparent TCP: AT+CIPSTART (blocking), AT+CIPMODE=1, AT+CIPSEND into data mode (and back into it after
    /// <c>+++</c>), AT+CIPCLOSE. UDP, SSL and the normal send mode are not emulated.
    /// </summary>
    internal sealed class EspAtSocketCommands : AtCommandGroup
    {
        private readonly EspAtEmulator _modem;
        private int _cipMode;
        private TcpClient? _pendingTcp;

        public EspAtSocketCommands(EspAtEmulator modem)
            : base(modem)
        {
            _modem = modem;
            Register("+CIPSTART", CipStart);
            Register("+CIPMODE", c =>
            {
                if (c.Kind == AtCommandKind.Read)
                {
                    Line("+CIPMODE:" + _cipMode);
                }
                else
                {
                    _cipMode = c.Int(0, 0, 1);
                }

                Ok();
            });
            Register("+CIPSEND", CipSend);
            Register("+CIPCLOSE", _ =>
            {
                if (_pendingTcp == null && !_modem.HasTransparentLink)
                {
                    Error();
                    return;
                }

                _pendingTcp?.Dispose();
                _pendingTcp = null;
                _modem.CloseTransparentLink();
                Line("CLOSED");
                Ok();
            });
        }

        /// <summary>Closes a connection not yet in data mode; normal send mode again.</summary>
        public void Reset()
        {
            _cipMode = 0;
            _pendingTcp?.Dispose();
            _pendingTcp = null;
        }

        private void CipStart(AtCommand c)
        {
            string type = c.Str(0, 8);
            string host = c.Str(1, 128);
            int port = c.Int(2, 1, 65535);
            if (!string.Equals(type, "TCP", StringComparison.OrdinalIgnoreCase))
            {
                Trace("!! CIPSTART: only TCP is emulated");
                Error();
                return;
            }

            if (_pendingTcp != null || _modem.HasTransparentLink)
            {
                // The notice, then ERROR (ESP8266/ESP-AT transcripts, e.g. autosportlabs/RaceCapture-Pro_firmware#867).
                Line("ALREADY CONNECTED");
                Error();
                return;
            }

            if (!_modem.Wifi.IsUp)
            {
                Error();
                return;
            }

            _modem.RunBlocking(
                () => AtEmulator.ConnectTcpAsync(host, port, Options.BrokerTimeoutMs),
                tcp =>
                {
                    if (tcp == null)
                    {
                        Error();
                        Line("CLOSED");
                        return;
                    }

                    _pendingTcp = tcp;
                    Line("CONNECT");
                    Ok();
                },
                tcp => tcp?.Dispose());
        }

        private void CipSend(AtCommand c)
        {
            if (c.Kind != AtCommandKind.Execute || _cipMode != 1)
            {
                Trace("!! CIPSEND: only the transparent form (AT+CIPMODE=1, AT+CIPSEND) is emulated");
                Error();
                return;
            }

            if (_pendingTcp != null)
            {
                TcpClient tcp = _pendingTcp;
                _pendingTcp = null;
                Ok();
                _modem.Write("\r\n>");
                _modem.EnterTransparent(tcp);
                return;
            }

            if (_modem.HasTransparentLink)
            {
                Ok();
                _modem.Write("\r\n>");
                _modem.ResumeTransparent();
                return;
            }

            Error();
        }
    }
}
