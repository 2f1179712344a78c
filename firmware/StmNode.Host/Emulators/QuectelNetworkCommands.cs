#nullable enable
using System;
using System.Threading.Tasks;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// The network side of a Quectel modem: radio (AT+CFUN), EPS registration after the configured delay (AT+CEREG
    /// and its URC), attach (AT+CGATT) and signal (AT+CSQ). Lost on reboot.
    /// </summary>
    internal sealed class QuectelNetworkCommands : AtCommandGroup
    {
        private readonly QuectelEmulator _modem;
        private int _cfun = 1;
        private int _ceregMode;
        private int _cgatt = 1;
        private long _registeredAtTick;

        public QuectelNetworkCommands(QuectelEmulator modem)
            : base(modem)
        {
            _modem = modem;
            Register("+CSQ", _ =>
            {
                Line(IsRegistered ? "+CSQ: " + Options.Rssi + ",99" : "+CSQ: 99,99");
                Ok();
            });
            Register("+CEREG", c =>
            {
                if (c.Kind == AtCommandKind.Set)
                {
                    _ceregMode = c.Int(0, 0, 5);
                }
                else if (c.Kind == AtCommandKind.Read)
                {
                    Line("+CEREG: " + _ceregMode + "," + RegistrationStat());
                }
                else if (c.Kind == AtCommandKind.Test)
                {
                    Line("+CEREG: (0-5)");
                }

                Ok();
            });
            Register("+CGATT", c =>
            {
                if (c.Kind == AtCommandKind.Set)
                {
                    int attach = c.Int(0, 0, 1);
                    if (attach == 1 && _cfun != 1)
                    {
                        throw new AtParameterException(30);
                    }

                    _cgatt = attach;
                }
                else if (c.Kind == AtCommandKind.Read)
                {
                    Line("+CGATT: " + (IsAttached ? 1 : 0));
                }

                Ok();
            });
            Register("+CFUN", c =>
            {
                if (c.Kind == AtCommandKind.Read)
                {
                    Line("+CFUN: " + _cfun);
                    Ok();
                    return;
                }

                if (c.Kind != AtCommandKind.Set)
                {
                    Ok();
                    return;
                }

                int fun = c.Int(0, 0, 4);
                if (fun == 2 || fun == 3)
                {
                    throw new AtParameterException(50);
                }

                int reset = c.IntOr(1, 0, 1, 0);
                Ok();
                if (reset == 1)
                {
                    _modem.Reboot();
                    return;
                }

                if (fun != 1)
                {
                    _modem.Mqtt.LoseAll(1);
                }

                bool wasOn = _cfun == 1;
                _cfun = fun;
                if (fun == 1 && !wasOn)
                {
                    StartRegistration();
                }
            });
        }

        /// <summary>True while CFUN=1 and the registration delay has passed.</summary>
        public bool IsRegistered => _cfun == 1 && Environment.TickCount64 >= _registeredAtTick;

        public bool IsAttached => IsRegistered && _cgatt == 1;

        /// <summary>Back to the power-on state: radio on, registration starting again.</summary>
        public void Reset()
        {
            _cfun = 1;
            _ceregMode = 0;
            _cgatt = 1;
            StartRegistration();
        }

        private void StartRegistration()
        {
            int delay = Options.RegistrationDelayMs;
            _registeredAtTick = Environment.TickCount64 + delay;
            RunThen(() => Task.Delay(Math.Max(1, delay)), OnRegistered, () => IsRegistered);
        }

        private void OnRegistered()
        {
            _modem.OnRegistered();
            if (_ceregMode >= 1)
            {
                Urc("+CEREG: 1");
            }
        }

        private int RegistrationStat()
        {
            if (_cfun != 1)
            {
                return 0;
            }

            return IsRegistered ? 1 : 2;
        }
    }
}
