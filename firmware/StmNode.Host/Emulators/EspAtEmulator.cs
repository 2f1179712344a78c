#nullable enable
using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Text;
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
        private const int ReconnectPauseMs = 500;

        private readonly Dictionary<string, int> _subscriptions = new Dictionary<string, int>(StringComparer.Ordinal);
        private string? _storedSsid;
        private bool _wifiUp;
        private int _cwMode = 1;
        private int _mqttState;
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
        private string _host = string.Empty;
        private int _port;
        private int _reconnect;
        private BrokerSession? _session;
        private bool _connecting;
        private int _cipMode;
        private TcpClient? _pendingTcp;
        private bool _busy;

        public EspAtEmulator(EmulatorOptions? options = null)
            : base(options)
        {
            Register(string.Empty, _ => Ok());
            Register("E", c =>
            {
                Echo = c.ArgumentText == "1";
                Ok();
            });
            Register("+RST", _ =>
            {
                Ok();
                Reboot();
            });
            Register("+GMR", _ =>
            {
                Lines("AT version:2.2.0.0(c6fa6bf - ESP32 - Jul  2 2021 06:44:05)", "SDK version:v4.2.2-76-gefa6eca", "compile time(3a696ba):Jul  2 2021 11:54:43", "Bin version:2.2.0(WROOM-32)");
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
                if (_pendingTcp == null && !HasTransparentLink)
                {
                    Error();
                    return;
                }

                _pendingTcp?.Dispose();
                _pendingTcp = null;
                CloseTransparentLink();
                Line("CLOSED");
                Ok();
            });
            Register("+MQTTUSERCFG", MqttUserCfg);
            Register("+MQTTLONGCLIENTID", c => LongCredential(c, value => _clientId = value, 256 * 4));
            Register("+MQTTLONGUSERNAME", c => LongCredential(c, value => _userName = value, 1024));
            Register("+MQTTLONGPASSWORD", c => LongCredential(c, value => _password = value, 1024));
            Register("+MQTTCONNCFG", MqttConnCfg);
            Register("+MQTTCONN", MqttConn);
            Register("+MQTTSUB", MqttSub);
            Register("+MQTTUNSUB", MqttUnsub);
            Register("+MQTTPUB", MqttPub);
            Register("+MQTTPUBRAW", MqttPubRaw);
            Register("+MQTTCLEAN", c =>
            {
                c.Int(0, 0, 0);
                CloseMqtt(true);
                Ok();
            });
            RegisterAccepted("+CIPSNTPCFG", "+SYSSTORE", "+CIPMUX", "+CIPDNS", "+SYSLOG", "+MQTTSNI", "+MQTTALPN", "+CWAUTOCONN");
        }

        protected override bool BackslashEscapes => true;

        protected override bool CrLfTerminated => true;

        protected override int CommandLengthLimit => 256;

        protected override int DefaultCmeMode => 0;

        protected override bool IsBusy => _busy;

        protected override string[] StormUrcs => new[] { "WIFI CONNECTED", "WIFI GOT IP", "+STA_CONNECTED:\"a4:cf:12:00:00:01\"", "+TIME_UPDATED" };

        protected override void EmitBootBanner()
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

        protected override void ResetState()
        {
            _busy = false;
            CloseMqtt(true);
            _wifiUp = false;
            _cwMode = 1;
            _cipMode = 0;
            _pendingTcp?.Dispose();
            _pendingTcp = null;
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
                if (clientIndex != 0 || _session == null)
                {
                    return;
                }

                LoseBroker(_session);
            }
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
                Line("+CWJAP:" + (ssidOk ? 2 : 3));
                Line("FAIL");
                return;
            }

            _storedSsid = ssid;
            _wifiUp = true;
            Line("WIFI CONNECTED");
            Line("WIFI GOT IP");
            Ok();
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

            if (!_wifiUp || _pendingTcp != null || HasTransparentLink)
            {
                Error();
                return;
            }

            RunBlocking(
                () => ConnectTcpAsync(host, port, Options.BrokerTimeoutMs),
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
                Write("\r\n>");
                EnterTransparent(tcp);
                return;
            }

            if (HasTransparentLink)
            {
                Ok();
                Write("\r\n>");
                ResumeTransparent();
                return;
            }

            Error();
        }

        private void MqttUserCfg(AtCommand c)
        {
            c.Int(0, 0, 0);
            int scheme = c.Int(1, 1, 10);
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
            if (_mqttState < 1)
            {
                _mqttState = 1;
            }

            Ok();
        }

        private void LongCredential(AtCommand c, Action<string> store, int maxLength)
        {
            c.Int(0, 0, 0);
            int length = c.Int(1, 1, maxLength);
            if (_mqttState < 1)
            {
                Error();
                return;
            }

            Ok();
            BeginPayload("\r\n>", length, length, data =>
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
            if (_mqttState < 2)
            {
                _mqttState = 2;
            }

            Ok();
        }

        private void MqttConn(AtCommand c)
        {
            if (c.Kind == AtCommandKind.Read)
            {
                if (_mqttState > 0)
                {
                    Line("+MQTTCONN:0," + ReportedState() + "," + _scheme + ",\"" + _host + "\"," + _port + ",\"\"," + _reconnect);
                }

                Ok();
                return;
            }

            c.Int(0, 0, 0);
            string host = c.Str(1, 128);
            int port = c.Int(2, 1, 65535);
            int reconnect = c.Int(3, 0, 1);
            c.IntOr(4, 0, 60000, 0);
            if (_mqttState < 1 || _session != null || _connecting || !_wifiUp)
            {
                Error();
                return;
            }

            if (_scheme != 1)
            {
                Trace("!! MQTTCONN: TLS and WebSocket schemes are not emulated");
                Error();
                return;
            }

            _host = host;
            _port = port;
            _reconnect = reconnect;
            _connecting = true;
            RunBlocking(
                ConnectBroker,
                session =>
                {
                    _connecting = false;
                    if (session == null)
                    {
                        _mqttState = 3;
                        Error();
                        return;
                    }

                    UseSession(session, Generation);
                    Ok();
                },
                session => session?.Abort());
        }

        private async Task<BrokerSession?> ConnectBroker()
        {
            BrokerConnectRequest request;
            string host;
            int port;
            lock (Sync)
            {
                host = _host;
                port = _port;
                request = new BrokerConnectRequest
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
            }

            var session = new BrokerSession(Options.BrokerTimeoutMs);
            if (await session.OpenAsync(host, port).ConfigureAwait(false) != 0
                || await session.ConnectAsync(request).ConfigureAwait(false) != 0)
            {
                session.Abort();
                return null;
            }

            return session;
        }

        private void UseSession(BrokerSession session, int generation)
        {
            _session = session;
            _mqttState = 4;
            session.Lost += () =>
            {
                lock (Sync)
                {
                    if (Generation == generation && ReferenceEquals(_session, session))
                    {
                        LoseBroker(session);
                    }
                }
            };
            session.MessageReceived += (topic, payload, packetId, qos) =>
            {
                lock (Sync)
                {
                    if (Generation == generation && ReferenceEquals(_session, session))
                    {
                        UrcBytes("+MQTTSUBRECV:0,\"" + topic + "\"," + payload.Length + ",", payload, string.Empty);
                    }
                }
            };
            Line("+MQTTCONNECTED:0," + _scheme + ",\"" + _host + "\"," + _port + ",\"\"," + _reconnect);
        }

        private void LoseBroker(BrokerSession session)
        {
            session.Abort();
            _session = null;
            _mqttState = 3;
            Urc("+MQTTDISCONNECTED:0");
            if (_reconnect == 1)
            {
                StartReconnect(Generation);
            }
        }

        private void StartReconnect(int generation)
        {
            RunAsync(async () =>
            {
                while (true)
                {
                    await Task.Delay(ReconnectPauseMs).ConfigureAwait(false);
                    lock (Sync)
                    {
                        if (Generation != generation || _mqttState != 3 || _reconnect != 1)
                        {
                            return;
                        }
                    }

                    BrokerSession? session = await ConnectBroker().ConfigureAwait(false);
                    if (session == null)
                    {
                        continue;
                    }

                    List<KeyValuePair<string, int>> topics;
                    lock (Sync)
                    {
                        if (Generation != generation || _mqttState != 3 || _session != null)
                        {
                            session.Abort();
                            return;
                        }

                        UseSession(session, generation);
                        topics = new List<KeyValuePair<string, int>>(_subscriptions);
                    }

                    if (topics.Count > 0)
                    {
                        await session.SubscribeAsync(topics).ConfigureAwait(false);
                    }

                    return;
                }
            });
        }

        private void CloseMqtt(bool forgetConfig)
        {
            _session?.Abort();
            _session = null;
            _connecting = false;
            _subscriptions.Clear();
            _mqttState = forgetConfig ? 0 : 3;
            _reconnect = 0;
            if (forgetConfig)
            {
                _scheme = 1;
                _clientId = _userName = _password = string.Empty;
                _keepAlive = 120;
                _disableCleanSession = false;
                _willTopic = null;
            }
        }

        private int ReportedState()
        {
            if (_session == null)
            {
                return _mqttState;
            }

            return _subscriptions.Count > 0 ? 6 : 4;
        }

        private void MqttSub(AtCommand c)
        {
            if (c.Kind == AtCommandKind.Read)
            {
                foreach (KeyValuePair<string, int> sub in _subscriptions)
                {
                    Line("+MQTTSUB:0," + ReportedState() + ",\"" + sub.Key + "\"," + sub.Value);
                }

                Ok();
                return;
            }

            c.Int(0, 0, 0);
            string topic = c.Str(1, 128);
            int qos = c.Int(2, 0, 2);
            BrokerSession? session = _session;
            if (session == null || topic.Length == 0)
            {
                Error();
                return;
            }

            if (_subscriptions.ContainsKey(topic))
            {
                Line("ALREADY SUBSCRIBE");
                return;
            }

            RunBlocking(
                () => session.SubscribeAsync(new[] { new KeyValuePair<string, int>(topic, qos) }),
                granted =>
                {
                    if (granted != null && granted[0] != 128)
                    {
                        _subscriptions[topic] = qos;
                        Ok();
                    }
                    else
                    {
                        Error();
                    }
                });
        }

        private void MqttUnsub(AtCommand c)
        {
            c.Int(0, 0, 0);
            string topic = c.Str(1, 128);
            BrokerSession? session = _session;
            if (session == null)
            {
                Error();
                return;
            }

            if (!_subscriptions.Remove(topic))
            {
                Line("NO UNSUBSCRIBE");
                Ok();
                return;
            }

            RunBlocking(() => session.UnsubscribeAsync(new[] { topic }), OkOrError);
        }

        private void MqttPub(AtCommand c)
        {
            c.Int(0, 0, 0);
            string topic = c.Str(1, 128);
            string data = c.Str(2, 256);
            int qos = c.Int(3, 0, 2);
            bool retain = c.Int(4, 0, 1) == 1;
            c.IntOr(5, 3000, 60000, 15000);
            BrokerSession? session = _session;
            if (session == null || topic.Length == 0)
            {
                Error();
                return;
            }

            RunBlocking(() => session.PublishAsync(topic, Encoding.UTF8.GetBytes(data), qos, retain), OkOrError);
        }

        private void MqttPubRaw(AtCommand c)
        {
            c.Int(0, 0, 0);
            string topic = c.Str(1, 128);
            int length = c.Int(2, 1, 8192);
            int qos = c.Int(3, 0, 2);
            bool retain = c.Int(4, 0, 1) == 1;
            c.IntOr(5, 3000, 60000, 15000);
            BrokerSession? session = _session;
            if (session == null || topic.Length == 0)
            {
                Error();
                return;
            }

            Ok();
            BeginPayload("\r\n>", length, length, payload => RunBlocking(
                () => session.PublishAsync(topic, payload, qos, retain),
                sent => Line(sent ? "+MQTTPUB:OK" : "+MQTTPUB:FAIL")), Error);
        }

        /// <summary>A blocking command: <c>busy p...</c> to anything else until its network work completes.</summary>
        private void RunBlocking<T>(Func<Task<T>> work, Action<T> complete, Action<T>? discard = null)
        {
            _busy = true;
            RunThen(work, result =>
            {
                _busy = false;
                complete(result);
            }, null, discard);
        }

        private void OkOrError(bool done)
        {
            if (done)
            {
                Ok();
            }
            else
            {
                Error();
            }
        }
    }
}
