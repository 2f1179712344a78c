#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// What BC26 and EC20 share: the 27.007 basics, network registration, clock, power-down, the QMT* MQTT command
    /// family carried to a real broker (two-phase: OK, then the result URC), and transparent TCP (AT+QIOPEN mode 2).
    /// </summary>
    public abstract class QuectelEmulator : AtEmulator
    {
        private readonly QmtClient[] _clients = new QmtClient[6];
        private int _cfun = 1;
        private int _ceregMode;
        private int _cgatt = 1;
        private long _registeredAtTick;

        protected QuectelEmulator(EmulatorOptions? options)
            : base(options)
        {
            ResetClients();
            RegisterBasics();
            RegisterNetwork();
            RegisterMqtt();
            RegisterTransparent();
        }

        /// <summary>The model line of ATI / AT+CGMM.</summary>
        protected abstract string Model { get; }

        /// <summary>The firmware revision of ATI / AT+GMR.</summary>
        protected abstract string Revision { get; }

        /// <summary>Largest payload accepted after the <c>&gt;</c> prompt.</summary>
        protected abstract int MaxPromptPayload { get; }

        /// <summary>QMTCFG sub-commands this model knows.</summary>
        protected abstract bool SupportsQmtCfg(string name);

        /// <summary>Prints a downlink message the model's way.</summary>
        internal abstract void DeliverDownlink(QmtClient client, int messageId, string topic, byte[] payload);

        /// <summary>Handles the part of AT+QMTPUB after the topic (prompt, fixed length or inline forms).</summary>
        internal abstract void HandlePublishForm(AtCommand command, QmtClient client, int messageId, int qos, bool retain, string topic);

        /// <summary>Whether the data path is up for a client (BC26: attached; EC20: its PDP context active).</summary>
        internal abstract bool IsDataPathUp(QmtClient client);

        /// <summary>True while CFUN=1 and the registration delay has passed.</summary>
        protected bool IsRegistered => _cfun == 1 && Environment.TickCount64 >= _registeredAtTick;

        protected bool IsAttached => IsRegistered && _cgatt == 1;

        protected override string[] StormUrcs => new[] { "+CEREG: 1", "+QIND: \"csq\",22,0", "+CTZV: 32,0", "+QIND: \"act\",\"LTE\"" };

        protected override void ResetState()
        {
            ResetClients();
            _cfun = 1;
            _ceregMode = 0;
            _cgatt = 1;
            StartRegistration();
        }

        protected override void OnTransparentLost() => Line("NO CARRIER");

        protected override void OnTransparentEscaped() => Ok();

        protected internal override void DropMqtt(int clientIndex, int code)
        {
            lock (Sync)
            {
                if (clientIndex < 0 || clientIndex >= _clients.Length)
                {
                    return;
                }

                QmtClient client = _clients[clientIndex];
                if (!client.Opened && !client.Opening)
                {
                    return;
                }

                client.Reset();
                Urc("+QMTSTAT: " + clientIndex + "," + code);
            }
        }

        internal QmtClient Client(int index) => _clients[index];

        /// <summary>Publishes in the background and reports +QMTPUB; called after the payload is complete.</summary>
        internal void StartPublish(QmtClient client, int messageId, int qos, bool retain, string topic, byte[] payload)
        {
            BrokerSession? session = client.Session;
            if (client.SendFormat == 1)
            {
                byte[]? decoded = FromHex(payload);
                if (decoded == null)
                {
                    Line("+QMTPUB: " + client.Index + "," + messageId + ",2");
                    return;
                }

                payload = decoded;
            }

            RunThen(
                () => session == null ? Task.FromResult(false) : session.PublishAsync(topic, payload, qos, retain),
                sent => Line("+QMTPUB: " + client.Index + "," + messageId + "," + (sent ? 0 : 2)),
                () => ReferenceEquals(client.Session, session));
        }

        /// <summary>Enters the prompt mode for a publish; Ctrl-Z sends when <paramref name="fixedLength"/> is negative.</summary>
        internal void PromptForPublish(QmtClient client, int messageId, int qos, bool retain, string topic, int fixedLength)
        {
            BeginPayload("\r\n> ", fixedLength, fixedLength >= 0 ? fixedLength : MaxPromptPayload,
                payload =>
                {
                    Ok();
                    StartPublish(client, messageId, qos, retain, topic, payload);
                },
                Ok,
                client.EchoMode == 1);
        }

        protected static string Hex(byte[] data)
        {
            var sb = new StringBuilder(data.Length * 2);
            foreach (byte b in data)
            {
                sb.Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }

            return sb.ToString();
        }

        private static byte[]? FromHex(byte[] text)
        {
            if (text.Length % 2 != 0)
            {
                return null;
            }

            var result = new byte[text.Length / 2];
            for (int i = 0; i < result.Length; i++)
            {
                string pair = Encoding.ASCII.GetString(text, i * 2, 2);
                if (!byte.TryParse(pair, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out result[i]))
                {
                    return null;
                }
            }

            return result;
        }

        private static QmtClient ClientOf(QmtClient[] clients, AtCommand command) => clients[command.Int(0, 0, 5)];

        private void ResetClients()
        {
            for (int i = 0; i < _clients.Length; i++)
            {
                _clients[i]?.Reset();
                _clients[i] = new QmtClient(i);
            }
        }

        private void StartRegistration()
        {
            int delay = Options.RegistrationDelayMs;
            _registeredAtTick = Environment.TickCount64 + delay;
            RunThen(() => Task.Delay(Math.Max(1, delay)), OnRegistered, () => IsRegistered);
        }

        /// <summary>Unsolicited output when the network registration completes.</summary>
        protected virtual void OnRegistered()
        {
            if (_ceregMode >= 1)
            {
                Urc("+CEREG: 1");
            }
        }

        private void RegisterBasics()
        {
            Register(string.Empty, _ => Ok());
            Register("E", c =>
            {
                if (c.ArgumentText != "0" && c.ArgumentText != "1" && c.ArgumentText.Length != 0)
                {
                    Error();
                    return;
                }

                Echo = c.ArgumentText == "1";
                Ok();
            });
            Register("I", _ =>
            {
                Lines("Quectel", Model, "Revision: " + Revision);
                Ok();
            });
            Register("Z", _ => Ok());
            Register("+CMEE", c =>
            {
                switch (c.Kind)
                {
                    case AtCommandKind.Set:
                        CmeMode = c.Int(0, 0, 2);
                        break;
                    case AtCommandKind.Read:
                        Line("+CMEE: " + CmeMode);
                        break;
                    case AtCommandKind.Test:
                        Line("+CMEE: (0-2)");
                        break;
                }

                Ok();
            });
            Register("+GMR", _ =>
            {
                Line(Revision);
                Ok();
            });
            Register("+CGMR", _ =>
            {
                Line(Revision);
                Ok();
            });
            Register("+CGMI", _ =>
            {
                Line("Quectel");
                Ok();
            });
            Register("+CGMM", _ =>
            {
                Line(Model);
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
                PowerOff();
            });
        }

        private void RegisterNetwork()
        {
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
                    Reboot();
                    return;
                }

                if (fun != 1)
                {
                    foreach (QmtClient client in _clients)
                    {
                        if (client.Opened || client.Opening)
                        {
                            client.Reset();
                            Urc("+QMTSTAT: " + client.Index + ",1");
                        }
                    }
                }

                bool wasOn = _cfun == 1;
                _cfun = fun;
                if (fun == 1 && !wasOn)
                {
                    StartRegistration();
                }
            });
        }

        private int RegistrationStat()
        {
            if (_cfun != 1)
            {
                return 0;
            }

            return IsRegistered ? 1 : 2;
        }

        private void RegisterMqtt()
        {
            Register("+QMTCFG", QmtCfg);
            Register("+QMTOPEN", QmtOpen);
            Register("+QMTCLOSE", QmtClose);
            Register("+QMTCONN", QmtConn);
            Register("+QMTDISC", QmtDisc);
            Register("+QMTSUB", QmtSub);
            Register("+QMTUNS", QmtUns);
            Register("+QMTPUB", QmtPub);
        }

        private void QmtCfg(AtCommand c)
        {
            if (c.Kind == AtCommandKind.Test)
            {
                Ok();
                return;
            }

            if (c.Kind != AtCommandKind.Set)
            {
                throw new AtParameterException(50);
            }

            string name = c.Str(0, 32).ToLowerInvariant();
            if (!SupportsQmtCfg(name))
            {
                throw new AtParameterException(50);
            }

            QmtClient client = _clients[c.Int(1, 0, 5)];
            if (c.Count > MaxQmtCfgParameters(name))
            {
                throw new AtParameterException(50);
            }

            bool query = c.Count == 2;
            switch (name)
            {
                case "version":
                    if (query)
                    {
                        Line("+QMTCFG: \"version\"," + client.Version);
                    }
                    else
                    {
                        client.Version = c.Int(2, 3, 4);
                    }

                    break;
                case "keepalive":
                    if (query)
                    {
                        Line("+QMTCFG: \"keepalive\"," + client.KeepAlive);
                    }
                    else
                    {
                        client.KeepAlive = c.Int(2, 0, 3600);
                    }

                    break;
                case "session":
                    if (query)
                    {
                        Line("+QMTCFG: \"session\"," + client.CleanSession);
                    }
                    else
                    {
                        client.CleanSession = c.Int(2, 0, 1);
                    }

                    break;
                case "timeout":
                    if (query)
                    {
                        Line("+QMTCFG: \"timeout\"," + client.PacketTimeout + "," + client.RetryTimes + "," + client.TimeoutNotice);
                    }
                    else
                    {
                        int timeout = c.Int(2, 1, 60);
                        int retries = c.IntOr(3, 0, 10, client.RetryTimes);
                        int notice = c.IntOr(4, 0, 1, client.TimeoutNotice);
                        client.PacketTimeout = timeout;
                        client.RetryTimes = retries;
                        client.TimeoutNotice = notice;
                    }

                    break;
                case "will":
                    ConfigureWill(c, client, query);
                    break;
                case "aliauth":
                    if (query)
                    {
                        if (client.AliAuth != null)
                        {
                            Line("+QMTCFG: \"aliauth\",\"" + client.AliAuth[0] + "\",\"" + client.AliAuth[1] + "\",\"" + client.AliAuth[2] + "\"");
                        }
                    }
                    else
                    {
                        client.AliAuth = new[] { c.Str(2, 64), c.Str(3, 64), c.Str(4, 64) };
                    }

                    break;
                case "dataformat":
                    if (query)
                    {
                        Line("+QMTCFG: \"dataformat\"," + client.SendFormat + "," + client.RecvFormat);
                    }
                    else
                    {
                        int send = c.IntOr(2, 0, 1, client.SendFormat);
                        int recv = c.IntOr(3, 0, 1, client.RecvFormat);
                        client.SendFormat = send;
                        client.RecvFormat = recv;
                    }

                    break;
                case "echomode":
                    if (query)
                    {
                        Line("+QMTCFG: \"echomode\"," + client.EchoMode);
                    }
                    else
                    {
                        client.EchoMode = c.Int(2, 0, 1);
                    }

                    break;
                case "recv/mode":
                    if (query)
                    {
                        Line("+QMTCFG: \"recv/mode\"," + client.RecvMode + "," + client.LenEnable);
                    }
                    else
                    {
                        int mode = c.Int(2, 0, 1);
                        int lenEnable = c.IntOr(3, 0, 1, client.LenEnable);
                        client.RecvMode = mode;
                        client.LenEnable = lenEnable;
                    }

                    break;
                case "pdpcid":
                    if (query)
                    {
                        Line("+QMTCFG: \"pdpcid\"," + client.PdpCid);
                    }
                    else
                    {
                        client.PdpCid = c.Int(2, 1, 16);
                    }

                    break;
                case "ssl":
                    if (query)
                    {
                        Line("+QMTCFG: \"ssl\"," + client.SslEnable + "," + client.SslContext);
                    }
                    else
                    {
                        int enable = c.Int(2, 0, 1);
                        int context = c.IntOr(3, 0, 5, client.SslContext);
                        client.SslEnable = enable;
                        client.SslContext = context;
                    }

                    break;
                default:
                    throw new AtParameterException(50);
            }

            Ok();
        }

        private static int MaxQmtCfgParameters(string name)
        {
            switch (name)
            {
                case "will":
                    return 7;
                case "timeout":
                case "aliauth":
                    return 5;
                case "dataformat":
                case "recv/mode":
                case "ssl":
                    return 4;
                default:
                    return 3;
            }
        }

        private void ConfigureWill(AtCommand c, QmtClient client, bool query)
        {
            if (query)
            {
                Line(client.WillFlag == 0
                    ? "+QMTCFG: \"will\",0"
                    : "+QMTCFG: \"will\",1," + client.WillQos + "," + client.WillRetain + ",\"" + client.WillTopic + "\",\"" + client.WillMessage + "\"");
                return;
            }

            int flag = c.Int(2, 0, 1);
            if (flag == 0)
            {
                client.WillFlag = 0;
                return;
            }

            int qos = c.Int(3, 0, 2);
            int retain = c.Int(4, 0, 1);
            string topic = c.Str(5, 255);
            string message = c.Str(6, 255);
            client.WillFlag = 1;
            client.WillQos = qos;
            client.WillRetain = retain;
            client.WillTopic = topic;
            client.WillMessage = message;
        }

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

            QmtClient client = ClientOf(_clients, c);
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

            if (!IsDataPathUp(client))
            {
                Line("+QMTOPEN: " + client.Index + ",3");
                return;
            }

            if (client.SslEnable == 1)
            {
                // TLS is not emulated: the broker link is plain TCP only.
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
                        DeliverDownlink(client, qos == 0 ? 0 : packetId, topic, payload);
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

            QmtClient client = ClientOf(_clients, c);
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

            QmtClient client = ClientOf(_clients, c);
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

            QmtClient client = ClientOf(_clients, c);
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

            QmtClient client = ClientOf(_clients, c);
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

            QmtClient client = ClientOf(_clients, c);
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

        private void QmtPub(AtCommand c)
        {
            if (c.Kind != AtCommandKind.Set)
            {
                Ok();
                return;
            }

            QmtClient client = ClientOf(_clients, c);
            int messageId = c.Int(1, 0, 65535);
            int qos = c.Int(2, 0, 2);
            bool retain = c.Int(3, 0, 1) == 1;
            string topic = c.Str(4, 255);
            if (topic.Length == 0 || (messageId == 0 && qos != 0) || c.Count > 6)
            {
                throw new AtParameterException(50);
            }

            ConnectedSession(client);
            HandlePublishForm(c, client, messageId, qos, retain, topic);
        }

        private static BrokerSession ConnectedSession(QmtClient client)
        {
            if (client.State != QmtClient.StateConnected || client.Session == null)
            {
                throw new AtParameterException(3);
            }

            return client.Session;
        }

        private void RegisterTransparent()
        {
            Register("+QIOPEN", QiOpen);
            Register("+QICLOSE", c =>
            {
                if (c.Kind == AtCommandKind.Set)
                {
                    c.Int(0, 0, 11);
                }

                CloseTransparentLink();
                Ok();
            });
            Register("O", _ =>
            {
                if (!HasTransparentLink)
                {
                    Line("NO CARRIER");
                    return;
                }

                Line("CONNECT");
                ResumeTransparent();
            });
        }

        private void QiOpen(AtCommand c)
        {
            if (c.Kind != AtCommandKind.Set)
            {
                Ok();
                return;
            }

            c.Int(0, 1, 16);
            c.Int(1, 0, 11);
            string service = c.Str(2, 16);
            string host = c.Str(3, 150);
            int port = c.Int(4, 1, 65535);
            c.IntOr(5, 0, 65535, 0);
            int accessMode = c.IntOr(6, 0, 2, 0);
            if (!string.Equals(service, "TCP", StringComparison.OrdinalIgnoreCase) || accessMode != 2)
            {
                // Only the transparent TCP mode is emulated.
                Trace("!! QIOPEN: only \"TCP\" with access mode 2 is emulated");
                throw new AtParameterException(4);
            }

            if (HasTransparentLink)
            {
                throw new AtParameterException(3);
            }

            RunThen(
                () => ConnectTcpAsync(host, port, Options.BrokerTimeoutMs),
                tcp =>
                {
                    if (tcp == null)
                    {
                        Error();
                        return;
                    }

                    Line("CONNECT");
                    EnterTransparent(tcp);
                },
                null,
                tcp => tcp?.Dispose());
        }
    }
}
