#nullable enable
using System;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// Transparent TCP on a Quectel modem: AT+QIOPEN access mode 2 (CONNECT, then data mode), ATO back into it after
    /// <c>+++</c>, AT+QICLOSE. UDP and the buffered socket modes are not emulated.
    /// </summary>
    internal sealed class QuectelSocketCommands : AtCommandGroup
    {
        private readonly QuectelEmulator _modem;

        public QuectelSocketCommands(QuectelEmulator modem)
            : base(modem)
        {
            _modem = modem;
            Register("+QIOPEN", QiOpen);
            Register("+QICLOSE", c =>
            {
                if (c.Kind == AtCommandKind.Set)
                {
                    c.Int(0, 0, 11);
                }

                _modem.CloseTransparentLink();
                Ok();
            });
            Register("O", _ =>
            {
                if (!_modem.HasTransparentLink)
                {
                    Line("NO CARRIER");
                    return;
                }

                Line("CONNECT");
                _modem.ResumeTransparent();
            });
        }

        private void QiOpen(AtCommand c)
        {
            if (c.Kind == AtCommandKind.Test)
            {
                Line("+QIOPEN: " + _modem.QiOpenRanges);
                Ok();
                return;
            }

            if (c.Kind != AtCommandKind.Set)
            {
                Ok();
                return;
            }

            // Quectel TCP/IP error 552: invalid parameters.
            if (!int.TryParse(c.Count > 0 ? c.Parameters[0].Value : string.Empty, out int context) || context < 1 || context > _modem.MaxSocketContext)
            {
                throw new AtParameterException(552);
            }

            c.Int(1, 0, 11);
            string service = c.Str(2, 16);
            string host = c.Str(3, 150);
            int port = c.Int(4, 1, 65535);
            c.IntOr(5, 0, 65535, 0);
            int accessMode = c.IntOr(6, 0, 2, 0);
            if (accessMode == 2 && !_modem.HasTransparentSocket)
            {
                throw new AtParameterException(552);
            }

            if (!string.Equals(service, "TCP", StringComparison.OrdinalIgnoreCase) || accessMode != 2)
            {
                // Only the transparent TCP mode is emulated.
                Trace("!! QIOPEN: only \"TCP\" with access mode 2 is emulated");
                throw new AtParameterException(4);
            }

            if (_modem.HasTransparentLink)
            {
                throw new AtParameterException(3);
            }

            RunThen(
                () => AtEmulator.ConnectTcpAsync(host, port, Options.BrokerTimeoutMs),
                tcp =>
                {
                    if (tcp == null)
                    {
                        Error();
                        return;
                    }

                    Line("CONNECT");
                    _modem.EnterTransparent(tcp);
                },
                null,
                tcp => tcp?.Dispose());
        }
    }
}
