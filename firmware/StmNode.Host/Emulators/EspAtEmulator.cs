#nullable enable
using System;
using System.Threading.Tasks;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// ESP-AT firmware (ESP32/ESP8266) per the esp-at MQTT and TCP/IP command docs: <c>ready</c> at boot, Wi-Fi join
    /// (remembered across reboots like the real flash-stored AP), MQTT with AT+MQTTUSERCFG / AT+MQTTCONN (blocking,
    /// <c>+MQTTCONNECTED</c> then OK), AT+MQTTPUB with backslash escapes, AT+MQTTPUBRAW (OK, <c>&gt;</c>, exact
    /// length, <c>+MQTTPUB:OK</c>), <c>+MQTTSUBRECV:0,"topic",len,data</c>, <c>+MQTTDISCONNECTED</c> on broker loss
    /// (with reconnect=1 the module reconnects and re-subscribes), and transparent TCP with AT+CIPMODE=1 + AT+CIPSEND.
    /// </summary>
    public sealed class EspAtEmulator : AtEmulator
    {
        private bool _busy;

        public EspAtEmulator(EmulatorOptions? options = null)
            : base(options)
        {
            Wifi = new EspAtWifiCommands(this);
            Sockets = new EspAtSocketCommands(this);
            MqttSettings = new EspAtMqttSettings(this);
            Mqtt = new EspAtMqttCommands(this);
            Time = new EspAtTimeCommands(this);
            RegisterAccepted("+SYSSTORE", "+CIPMUX", "+CIPDNS", "+SYSLOG", "+MQTTSNI", "+MQTTALPN", "+CWAUTOCONN");
        }

        internal EspAtWifiCommands Wifi { get; }

        internal EspAtSocketCommands Sockets { get; }

        internal EspAtMqttSettings MqttSettings { get; }

        internal EspAtMqttCommands Mqtt { get; }

        internal EspAtTimeCommands Time { get; }

        /// <summary>
        /// An ESP8266 on ESP-AT 2.2 instead of an ESP32: AT+GMR names it, and AT+MQTTUSERCFG takes scheme 1 or 6 only
        /// ("MQTT over TLS is not supported due to memory limit on ESP8266", MQTT AT Commands of v2.2.0.0_esp8266).
        /// </summary>
        public bool Esp8266 { get; init; }
        protected override bool BackslashEscapes => true;

        protected override bool CrLfTerminated => true;

        protected override int CommandLengthLimit => 256;

        protected override int DefaultCmeMode => 0;

        protected override bool IsBusy => _busy;

        protected override string[] StormUrcs => new[] { "WIFI CONNECTED", "WIFI GOT IP", "+STA_CONNECTED:\"a4:cf:12:00:00:01\"" };

        /// <summary>A blocking command: <c>busy p...</c> to anything else until its network work completes.</summary>
        internal void RunBlocking<T>(Func<Task<T>> work, Action<T> complete, Action<T>? discard = null)
        {
            _busy = true;
            RunThen(work, result =>
            {
                _busy = false;
                complete(result);
            }, null, discard);
        }

        protected override void EmitBootBanner() => Wifi.Boot();

        protected override void ResetState()
        {
            _busy = false;
            Mqtt.Clean();
            Wifi.Reset();
            Time.Reset();
            Sockets.Reset();
        }

        protected override void OnTransparentLost() => Line("CLOSED");

        protected override void OnTransparentEscaped()
        {
            // ESP-AT leaves transparent transmission silently.
        }

        protected internal override void DropMqtt(int clientIndex, int code)
        {
            lock (Sync)
            {
                if (clientIndex == 0)
                {
                    Mqtt.Drop();
                }
            }
        }
    }
}
