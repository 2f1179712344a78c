#nullable enable
using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// The QMT* MQTT commands of a Quectel modem, carried to a real broker: six client indexes, each two-phase (OK, then
    /// the result URC); session loss as +QMTSTAT. The settings (AT+QMTCFG) are in <see cref="QuectelMqttSettings"/>,
    /// publishing in <see cref="QuectelMqttPublish"/>, the model's publish and receive forms in the emulator. Lost on reboot.
    /// </summary>
    internal sealed class QuectelMqttCommands : AtCommandGroup
    {
        private readonly QuectelEmulator _modem;
        private readonly QmtClient[] _clients = new QmtClient[6];

        public QuectelMqttCommands(QuectelEmulator modem)
            : base(modem)
        {
            _modem = modem;
            Reset();
            Register("+QMTOPEN", QmtOpen);
            Register("+QMTCLOSE", QmtClose);
            Register("+QMTCONN", QmtConn);
            Register("+QMTDISC", QmtDisc);
            Register("+QMTSUB", QmtSub);
            Register("+QMTUNS", QmtUns);
        }

        public QmtClient Client(int index) => _clients[index];

        /// <summary>Forgets every client, settings included (a reboot); broker sessions close silently.</summary>
        public void Reset()
        {
            for (int i = 0; i < _clients.Length; i++)
            {
                _clients[i]?.Reset();
                _clients[i] = new QmtClient(i);
            }
        }

        /// <summary>Ends one client's broker link as if it died: +QMTSTAT with the given code.</summary>
        public void Drop(int index, int code)
        {
            if (index < 0 || index >= _clients.Length)
            {
                return;
            }

            QmtClient client = _clients[index];
            if (!client.Opened && !client.Opening)
            {
                return;
            }

            client.Reset();
            Urc("+QMTSTAT: " + index + "," + code);
        }

        /// <summary>Ends every open client's link (radio off): +QMTSTAT for each.</summary>
        public void LoseAll(int code)
        {
            for (int i = 0; i < _clients.Length; i++)
            {
                Drop(i, code);
            }
        }

        /// <summary>The client a command's first parameter names.</summary>
        public QmtClient ClientOf(AtCommand command) => _clients[command.Int(0, 0, 5)];

        private void QmtOpen(AtCommand c)
        {
            if (c.Kind == AtCommandKind.Read)
            {
                foreach (QmtClient opened in _clients)
                {
                    if (opened.Opened)
                    {
                        Line("+QMTOPEN: " + opened.Index + ",\"" + opened.Host + "\"," + opened.Port);
                    }
                }

                Ok();
                return;
            }

            if (c.Kind == AtCommandKind.Test)
            {
                Line("+QMTOPEN: (0-5),\"<host_name>\",(1-65535)");
                Ok();
                return;
            }

            QmtClient client = ClientOf(c);
            string host = c.Str(1, 100);
            int port = c.Int(2, 1, 65535);
            if (host.Length == 0 || c.Count != 3)
            {
                throw new AtParameterException(50);
            }

            Ok();
            if (client.Opened || client.Opening)
            {
                Line("+QMTOPEN: " + client.Index + ",2");
                return;
            }

            if (!_modem.IsDataPathUp(client))
            {
                Line("+QMTOPEN: " + client.Index + ",3");
                return;
            }

            if (client.SslEnable == 1)
            {
                // TLS is not emulated: the broker link is plain TCP only. Its precondition is: a context that verifies
                // the server needs its CA file on the module.
                if (_modem is Ec20Emulator ec20 && !ec20.Ssl.HasCaFor(client.SslContext))
                {
                    Trace("!! QMTOPEN with ssl=1: SSL context " + client.SslContext + " has no CA file on the module");
                }

                Trace("!! QMTOPEN with ssl=1: TLS is not emulated");
                Line("+QMTOPEN: " + client.Index + ",-1");
                return;
            }

            var session = new BrokerSession(Options.BrokerTimeoutMs);
            client.Session = session;
            client.Opening = true;
            RunThen(
                () => session.OpenAsync(host, port),
                result =>
                {
                    client.Opening = false;
                    if (result == 0)
                    {
                        client.Opened = true;
                        client.Host = host;
                        client.Port = port;
                        AttachSessionEvents(client, session, Generation);
                    }
                    else
                    {
                        client.Reset();
                    }

                    Line("+QMTOPEN: " + client.Index + "," + result);
                },
                () => ReferenceEquals(client.Session, session),
                _ => session.Abort());
        }

        private void AttachSessionEvents(QmtClient client, BrokerSession session, int generation)
        {
            session.Lost += () =>
            {
                lock (Sync)
                {
                    if (Generation == generation && ReferenceEquals(client.Session, session))
                    {
                        client.Reset();
                        Urc("+QMTSTAT: " + client.Index + ",1");
                    }
                }
            };
            session.MessageReceived += (topic, payload, packetId, qos) =>
            {
                lock (Sync)
                {
                    if (Generation == generation && ReferenceEquals(client.Session, session))
                    {
                        _modem.DeliverDownlink(client, qos == 0 ? 0 : packetId, topic, payload);
                    }
                }
            };
        }

        private void QmtClose(AtCommand c)
        {
            if (c.Kind != AtCommandKind.Set)
            {
                throw new AtParameterException(50);
            }

            QmtClient client = ClientOf(c);
            Ok();
            bool wasOpen = client.Opened || client.Opening;
            client.Reset();
            Line("+QMTCLOSE: " + client.Index + "," + (wasOpen ? 0 : -1));
        }

        private void QmtConn(AtCommand c)
        {
            if (c.Kind == AtCommandKind.Read)
            {
                foreach (QmtClient opened in _clients)
                {
                    if (opened.Opened)
                    {
                        Line("+QMTCONN: " + opened.Index + "," + opened.State);
                    }
                }

                Ok();
                return;
            }

            if (c.Kind != AtCommandKind.Set)
            {
                Ok();
                return;
            }

            QmtClient client = ClientOf(c);
            string clientId = c.Str(1, 256);
            string? user = c.Count > 2 ? c.Str(2, 256) : null;
            string? password = c.Count > 3 ? c.Str(3, 256) : null;
            if (c.Count > 4 || clientId.Length == 0)
            {
                throw new AtParameterException(50);
            }

            if (!client.Opened || client.State != QmtClient.StateInitial || client.Session == null)
            {
                throw new AtParameterException(3);
            }

            BrokerSession session = client.Session;
            var request = new BrokerConnectRequest
            {
                ClientId = clientId,
                UserName = user,
                Password = password,
                ProtocolVersion = client.Version,
                KeepAliveSeconds = client.KeepAlive,
                CleanSession = client.CleanSession == 1,
                WillTopic = client.WillFlag == 1 ? client.WillTopic : null,
                WillMessage = client.WillMessage,
                WillQos = client.WillQos,
                WillRetain = client.WillRetain == 1,
            };
            Ok();
            client.State = QmtClient.StateConnecting;
            RunThen(
                () => session.ConnectAsync(request),
                code =>
                {
                    if (code == 0)
                    {
                        client.State = QmtClient.StateConnected;
                        Line("+QMTCONN: " + client.Index + ",0,0");
                    }
                    else if (code > 0)
                    {
                        // CONNACK refused: the broker closes the socket, the client is back to initial.
                        client.Reset();
                        Line("+QMTCONN: " + client.Index + ",0," + code);
                    }
                    else
                    {
                        client.Reset();
                        Line("+QMTCONN: " + client.Index + ",2");
                    }
                },
                () => ReferenceEquals(client.Session, session));
        }

        private void QmtDisc(AtCommand c)
        {
            if (c.Kind != AtCommandKind.Set)
            {
                throw new AtParameterException(50);
            }

            QmtClient client = ClientOf(c);
            BrokerSession? session = client.Session;
            Ok();
            if (session == null || client.State != QmtClient.StateConnected)
            {
                Line("+QMTDISC: " + client.Index + ",-1");
                return;
            }

            client.State = QmtClient.StateDisconnecting;
            RunThen(
                () => session.DisconnectAsync(),
                done =>
                {
                    client.Reset();
                    Line("+QMTDISC: " + client.Index + "," + (done ? 0 : -1));
                },
                () => ReferenceEquals(client.Session, session));
        }

        private void QmtSub(AtCommand c)
        {
            if (c.Kind != AtCommandKind.Set)
            {
                Ok();
                return;
            }

            QmtClient client = ClientOf(c);
            int messageId = c.Int(1, 1, 65535);
            if (c.Count < 4 || c.Count % 2 != 0)
            {
                throw new AtParameterException(50);
            }

            var topics = new List<KeyValuePair<string, int>>();
            for (int i = 2; i < c.Count; i += 2)
            {
                string topic = c.Str(i, 255);
                if (topic.Length == 0)
                {
                    throw new AtParameterException(50);
                }

                topics.Add(new KeyValuePair<string, int>(topic, c.Int(i + 1, 0, 2)));
            }

            BrokerSession session = ConnectedSession(client);
            Ok();
            RunThen(
                () => session.SubscribeAsync(topics),
                granted => Line(granted == null
                    ? "+QMTSUB: " + client.Index + "," + messageId + ",2"
                    : "+QMTSUB: " + client.Index + "," + messageId + ",0," + string.Join(",", granted)),
                () => ReferenceEquals(client.Session, session));
        }

        private void QmtUns(AtCommand c)
        {
            if (c.Kind != AtCommandKind.Set)
            {
                Ok();
                return;
            }

            QmtClient client = ClientOf(c);
            int messageId = c.Int(1, 1, 65535);
            if (c.Count < 3)
            {
                throw new AtParameterException(50);
            }

            var topics = new List<string>();
            for (int i = 2; i < c.Count; i++)
            {
                topics.Add(c.Str(i, 255));
            }

            BrokerSession session = ConnectedSession(client);
            Ok();
            RunThen(
                () => session.UnsubscribeAsync(topics),
                done => Line("+QMTUNS: " + client.Index + "," + messageId + "," + (done ? 0 : 2)),
                () => ReferenceEquals(client.Session, session));
        }

        /// <summary>The client's broker session; +CME ERROR: 3 while it is not connected.</summary>
        public static BrokerSession ConnectedSession(QmtClient client)
        {
            if (client.State != QmtClient.StateConnected || client.Session == null)
            {
                throw new AtParameterException(3);
            }

            return client.Session;
        }
    }
}
