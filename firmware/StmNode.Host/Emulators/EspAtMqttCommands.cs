#nullable enable
using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// The ESP-AT MQTT session, carried to a real broker: AT+MQTTCONN (blocking, <c>+MQTTCONNECTED</c> then OK),
    /// AT+MQTTSUB / AT+MQTTUNSUB, AT+MQTTPUB (inline) and AT+MQTTPUBRAW (OK, <c>&gt;</c>, exact length,
    /// <c>+MQTTPUB:OK</c>), <c>+MQTTSUBRECV:0,"topic",len,data</c>, <c>+MQTTDISCONNECTED:0</c> on broker loss (with
    /// reconnect=1 the module reconnects and re-subscribes), AT+MQTTCLEAN. Lost on reboot.
    /// </summary>
    internal sealed class EspAtMqttCommands : AtCommandGroup
    {
        private const int ReconnectPauseMs = 500;

        private readonly EspAtEmulator _modem;
        private readonly Dictionary<string, int> _subscriptions = new Dictionary<string, int>(StringComparer.Ordinal);
        private string _host = string.Empty;
        private int _port;
        private int _reconnect;
        private BrokerSession? _session;
        private bool _connecting;

        public EspAtMqttCommands(EspAtEmulator modem)
            : base(modem)
        {
            _modem = modem;
            Register("+MQTTCONN", MqttConn);
            Register("+MQTTSUB", MqttSub);
            Register("+MQTTUNSUB", MqttUnsub);
            Register("+MQTTPUB", MqttPub);
            Register("+MQTTPUBRAW", MqttPubRaw);
            Register("+MQTTCLEAN", c =>
            {
                c.Int(0, 0, 0);
                Clean();
                Ok();
            });
        }

        /// <summary>
        /// The MQTT state of AT+MQTTCONN?: 0 not initialised, 1 user set, 2 connection set, 3 disconnected, 4 connected
        /// (6 with subscriptions, reported only).
        /// </summary>
        public int State { get; set; }

        /// <summary>AT+MQTTCLEAN (and a reboot): session closed silently, configuration forgotten.</summary>
        public void Clean()
        {
            _session?.Abort();
            _session = null;
            _connecting = false;
            _subscriptions.Clear();
            State = 0;
            _reconnect = 0;
            _modem.MqttSettings.Forget();
        }

        /// <summary>The broker link dies: <c>+MQTTDISCONNECTED:0</c>, then reconnection when asked for.</summary>
        public void Drop()
        {
            if (_session != null)
            {
                LoseBroker(_session);
            }
        }

        private void MqttConn(AtCommand c)
        {
            if (c.Kind == AtCommandKind.Read)
            {
                if (State > 0)
                {
                    Line("+MQTTCONN:0," + ReportedState() + "," + _modem.MqttSettings.Scheme + ",\"" + _host + "\"," + _port + ",\"\"," + _reconnect);
                }

                Ok();
                return;
            }

            c.Int(0, 0, 0);
            string host = c.Str(1, 128);
            int port = c.Int(2, 1, 65535);
            int reconnect = c.Int(3, 0, 1);
            c.IntOr(4, 0, 60000, 0);
            if (State < 1 || _session != null || _connecting || !_modem.Wifi.IsUp)
            {
                Error();
                return;
            }

            int scheme = _modem.MqttSettings.Scheme;
            if ((scheme == 3 || scheme == 5 || scheme == 8 || scheme == 10) && !_modem.Time.IsSet)
            {
                // The server certificate's dates are checked against a clock still in 1970: the handshake fails.
                Trace("!! MQTTCONN: scheme " + scheme + " without SNTP time: the certificate date check fails");
                Error();
                return;
            }

            if (scheme != 1)
            {
                Trace("!! MQTTCONN: TLS and WebSocket schemes are not emulated");
                Error();
                return;
            }

            _host = host;
            _port = port;
            _reconnect = reconnect;
            _connecting = true;
            _modem.RunBlocking(
                ConnectBroker,
                session =>
                {
                    _connecting = false;
                    if (session == null)
                    {
                        State = 3;
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
                request = _modem.MqttSettings.ConnectRequest();
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
            State = 4;
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
                        _modem.UrcBytes("+MQTTSUBRECV:0,\"" + topic + "\"," + payload.Length + ",", payload, string.Empty);
                    }
                }
            };
            Line("+MQTTCONNECTED:0," + _modem.MqttSettings.Scheme + ",\"" + _host + "\"," + _port + ",\"\"," + _reconnect);
        }

        private void LoseBroker(BrokerSession session)
        {
            session.Abort();
            _session = null;
            State = 3;
            Urc("+MQTTDISCONNECTED:0");
            if (_reconnect == 1)
            {
                StartReconnect(Generation);
            }
        }

        private void StartReconnect(int generation)
        {
            _modem.RunAsync(async () =>
            {
                while (true)
                {
                    await Task.Delay(ReconnectPauseMs).ConfigureAwait(false);
                    lock (Sync)
                    {
                        if (Generation != generation || State != 3 || _reconnect != 1)
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
                        if (Generation != generation || State != 3 || _session != null)
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

        private int ReportedState()
        {
            if (_session == null)
            {
                return State;
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
                // The notice, then the final (OK, as esp-at issue #453 reports; the docs show only the notice).
                Line("ALREADY SUBSCRIBE");
                Ok();
                return;
            }

            _modem.RunBlocking(
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

            _modem.RunBlocking(() => session.UnsubscribeAsync(new[] { topic }), OkOrError);
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

            _modem.RunBlocking(() => session.PublishAsync(topic, Encoding.UTF8.GetBytes(data), qos, retain), OkOrError);
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
            _modem.BeginPayload("\r\n>", length, length, payload => _modem.RunBlocking(
                () => session.PublishAsync(topic, payload, qos, retain),
                sent => Line(sent ? "+MQTTPUB:OK" : "+MQTTPUB:FAIL")), Error);
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
