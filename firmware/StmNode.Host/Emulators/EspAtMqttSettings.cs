#nullable enable
using System;
using System.Text;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// The MQTT configuration of ESP-AT: AT+MQTTUSERCFG (scheme, client id, credentials), the AT+MQTTLONG* forms
    /// (value after a <c>&gt;</c> prompt) and AT+MQTTCONNCFG (keep-alive, clean session, will). Forgotten by
    /// AT+MQTTCLEAN and on reboot.
    /// </summary>
    internal sealed class EspAtMqttSettings : AtCommandGroup
    {
        private readonly EspAtEmulator _modem;
        private int _scheme = 1;
        private string _clientId = string.Empty;
        private string _userName = string.Empty;
        private string _password = string.Empty;
        private int _keepAlive = 120;
        private bool _disableCleanSession;
        private string? _willTopic;
        private string _willMessage = string.Empty;
        private int _willQos;
        private bool _willRetain;

        public EspAtMqttSettings(EspAtEmulator modem)
            : base(modem)
        {
            _modem = modem;
            Register("+MQTTUSERCFG", MqttUserCfg);
            Register("+MQTTLONGCLIENTID", c => LongCredential(c, value => _clientId = value, 256 * 4));
            Register("+MQTTLONGUSERNAME", c => LongCredential(c, value => _userName = value, 1024));
            Register("+MQTTLONGPASSWORD", c => LongCredential(c, value => _password = value, 1024));
            Register("+MQTTCONNCFG", MqttConnCfg);
        }

        /// <summary>1 = MQTT over TCP, the only scheme whose connection is emulated.</summary>
        public int Scheme => _scheme;

        /// <summary>The CONNECT the configuration describes.</summary>
        public BrokerConnectRequest ConnectRequest() => new BrokerConnectRequest
        {
            ClientId = _clientId,
            UserName = _userName.Length == 0 ? null : _userName,
            Password = _password.Length == 0 ? null : _password,
            KeepAliveSeconds = _keepAlive,
            CleanSession = !_disableCleanSession,
            WillTopic = _willTopic,
            WillMessage = _willMessage,
            WillQos = _willQos,
            WillRetain = _willRetain,
        };

        /// <summary>Back to the power-on configuration.</summary>
        public void Forget()
        {
            _scheme = 1;
            _clientId = _userName = _password = string.Empty;
            _keepAlive = 120;
            _disableCleanSession = false;
            _willTopic = null;
        }

        private void MqttUserCfg(AtCommand c)
        {
            c.Int(0, 0, 0);
            int scheme = c.Int(1, 1, 10);
            if (_modem.Esp8266 && scheme != 1 && scheme != 6)
            {
                // No TLS on the ESP8266: AT_MQTT_SCHEME_VALUE_IS_WRONG.
                Line("ERR CODE:0x00006013");
                Error();
                return;
            }

            string clientId = c.Str(2, 256);
            string userName = c.Str(3, 64);
            string password = c.Str(4, 64);
            c.Int(5, 0, 255);
            c.Int(6, 0, 255);
            c.Str(7, 32);
            if (c.Count != 8)
            {
                throw new AtParameterException(50);
            }

            _scheme = scheme;
            _clientId = clientId;
            _userName = userName;
            _password = password;
            if (_modem.Mqtt.State < 1)
            {
                _modem.Mqtt.State = 1;
            }

            Ok();
        }

        private void LongCredential(AtCommand c, Action<string> store, int maxLength)
        {
            c.Int(0, 0, 0);
            int length = c.Int(1, 1, maxLength);
            if (_modem.Mqtt.State < 1)
            {
                Error();
                return;
            }

            Ok();
            _modem.BeginPayload("\r\n>", length, length, data =>
            {
                store(Encoding.UTF8.GetString(data));
                Ok();
            }, Error);
        }

        private void MqttConnCfg(AtCommand c)
        {
            c.Int(0, 0, 0);
            int keepAlive = c.Int(1, 0, 7200);
            int disableClean = c.Int(2, 0, 1);
            string willTopic = c.Str(3, 128);
            string willMessage = c.Str(4, 128);
            int willQos = c.Int(5, 0, 2);
            int willRetain = c.Int(6, 0, 1);
            _keepAlive = keepAlive == 0 ? 120 : keepAlive;
            _disableCleanSession = disableClean == 1;
            _willTopic = willTopic.Length == 0 ? null : willTopic;
            _willMessage = willMessage;
            _willQos = willQos;
            _willRetain = willRetain == 1;
            if (_modem.Mqtt.State < 2)
            {
                _modem.Mqtt.State = 2;
            }

            Ok();
        }
    }
}
