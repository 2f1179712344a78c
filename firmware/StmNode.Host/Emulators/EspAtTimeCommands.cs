#nullable enable
using System;
using System.Globalization;
using System.Threading.Tasks;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// ESP-AT's SNTP client (TCP-IP AT Commands): AT+CIPSNTPCFG=enable,timezone[,servers] starts it once Wi-Fi is up,
    /// AT+CIPSNTPTIME? answers in asctime form and counts from 1970 until the first sync. An ESP32 announces the sync
    /// with +TIME_UPDATED (later ESP-AT releases) and keeps the time across a software reset (RTC); an ESP8266 does not.
    /// </summary>
    internal sealed class EspAtTimeCommands : AtCommandGroup
    {
        /// <summary>How long the emulated SNTP exchange takes.</summary>
        private const int SyncDelayMs = 200;

        private readonly EspAtEmulator _modem;
        private bool _enabled;
        private int _timezone;

        public EspAtTimeCommands(EspAtEmulator modem)
            : base(modem)
        {
            _modem = modem;
            Register("+CIPSNTPCFG", SntpCfg);
            Register("+CIPSNTPTIME", c =>
            {
                if (c.Kind != AtCommandKind.Read)
                {
                    Error();
                    return;
                }

                DateTime shown = IsSet ? DateTime.UtcNow.AddHours(_timezone) : new DateTime(1970, 1, 1).AddMilliseconds(Environment.TickCount64 % 60000);
                Line("+CIPSNTPTIME:" + shown.ToString("ddd MMM ", CultureInfo.InvariantCulture) + shown.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)
                    + shown.ToString(" HH:mm:ss yyyy", CultureInfo.InvariantCulture));
                Ok();
            });
        }

        /// <summary>True once SNTP has set the clock.</summary>
        public bool IsSet { get; private set; }

        /// <summary>A reboot stops SNTP; an ESP32 keeps the time in its RTC, an ESP8266 counts from 1970 again.</summary>
        public void Reset()
        {
            _enabled = false;
            if (_modem.Esp8266)
            {
                IsSet = false;
            }
        }

        private void SntpCfg(AtCommand c)
        {
            if (c.Kind == AtCommandKind.Read)
            {
                Line("+CIPSNTPCFG:" + (_enabled ? 1 : 0) + "," + _timezone);
                Ok();
                return;
            }

            int enable = c.Int(0, 0, 1);
            int timezone = c.IntOr(1, -12, 14, 0);
            for (int i = 2; i < c.Count; i++)
            {
                c.Str(i, 64);
            }

            if (c.Count > 5)
            {
                Error();
                return;
            }

            _enabled = enable == 1;
            _timezone = timezone;
            Ok();
            if (_enabled && _modem.Wifi.IsUp && !IsSet)
            {
                int generation = Generation;
                RunThen(() => Task.Delay(SyncDelayMs), () =>
                {
                    IsSet = true;
                    if (!_modem.Esp8266)
                    {
                        Urc("+TIME_UPDATED");
                    }
                }, () => generation == Generation && _enabled);
            }
        }
    }
}
