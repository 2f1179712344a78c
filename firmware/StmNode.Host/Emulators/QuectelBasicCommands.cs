#nullable enable
using System;
using System.Globalization;

namespace StmNode.Host.Emulators
{
    /// <summary>The 27.007 basics of a Quectel modem: echo, errors, identity, SIM, clock and power-down.</summary>
    internal sealed class QuectelBasicCommands : AtCommandGroup
    {
        private readonly QuectelEmulator _modem;

        public QuectelBasicCommands(QuectelEmulator modem)
            : base(modem)
        {
            _modem = modem;
            Register(string.Empty, _ => Ok());
            Register("E", c =>
            {
                if (c.ArgumentText != "0" && c.ArgumentText != "1" && c.ArgumentText.Length != 0)
                {
                    Error();
                    return;
                }

                _modem.Echo = c.ArgumentText == "1";
                Ok();
            });
            Register("I", _ =>
            {
                Lines("Quectel", _modem.Model, "Revision: " + _modem.Revision);
                Ok();
            });
            Register("Z", _ => Ok());
            Register("+CMEE", c =>
            {
                switch (c.Kind)
                {
                    case AtCommandKind.Set:
                        _modem.CmeMode = c.Int(0, 0, 2);
                        break;
                    case AtCommandKind.Read:
                        Line("+CMEE: " + _modem.CmeMode);
                        break;
                    case AtCommandKind.Test:
                        Line("+CMEE: (0-2)");
                        break;
                }

                Ok();
            });
            Register("+GMR", _ =>
            {
                Line(_modem.Revision);
                Ok();
            });
            Register("+CGMR", _ =>
            {
                Line(_modem.Revision);
                Ok();
            });
            Register("+CGMI", _ =>
            {
                Line("Quectel");
                Ok();
            });
            Register("+CGMM", _ =>
            {
                Line(_modem.Model);
                Ok();
            });
            Register("+QCCID", _ =>
            {
                Line("+QCCID: " + Options.Iccid);
                Ok();
            });
            Register("+CIMI", _ =>
            {
                Line(Options.Imsi);
                Ok();
            });
            Register("+CPIN", c =>
            {
                if (c.Kind != AtCommandKind.Read)
                {
                    throw new AtParameterException(3);
                }

                Line("+CPIN: READY");
                Ok();
            });
            Register("+CCLK", c =>
            {
                if (c.Kind == AtCommandKind.Set)
                {
                    c.Str(0, 32);
                    Ok();
                    return;
                }

                Line("+CCLK: \"" + DateTime.UtcNow.ToString("yy/MM/dd,HH:mm:ss", CultureInfo.InvariantCulture) + "+00\"");
                Ok();
            });
            Register("+QLTS", c =>
            {
                if (c.Kind == AtCommandKind.Set)
                {
                    c.Int(0, 0, 2);
                }

                Line("+QLTS: \"" + DateTime.UtcNow.ToString("yyyy/MM/dd,HH:mm:ss", CultureInfo.InvariantCulture) + "+00,0\"");
                Ok();
            });
            Register("+QPOWD", c =>
            {
                if (c.Kind == AtCommandKind.Set)
                {
                    c.Int(0, 0, 1);
                }

                Ok();
                Line("POWERED DOWN");
                _modem.PowerOff();
            });
        }
    }
}
