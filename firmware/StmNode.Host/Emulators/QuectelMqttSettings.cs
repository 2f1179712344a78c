#nullable enable
namespace StmNode.Host.Emulators
{
    /// <summary>
    /// AT+QMTCFG: a client's MQTT settings (version, keep-alive, session, timeout, will, Alibaba auth, BC26 data format
    /// and echo, EC20 receive mode, PDP context and SSL), each set or queried; the model says which it knows.
    /// </summary>
    internal sealed class QuectelMqttSettings : AtCommandGroup
    {
        private readonly QuectelEmulator _modem;

        public QuectelMqttSettings(QuectelEmulator modem)
            : base(modem)
        {
            _modem = modem;
            Register("+QMTCFG", QmtCfg);
        }

        private void QmtCfg(AtCommand c)
        {
            if (c.Kind == AtCommandKind.Test)
            {
                foreach (string known in QuectelEmulator.QmtCfgNames)
                {
                    string? range = _modem.QmtCfgRange(known);
                    if (range != null)
                    {
                        Line("+QMTCFG: \"" + known + "\"," + range);
                    }
                }

                Ok();
                return;
            }

            if (c.Kind != AtCommandKind.Set)
            {
                throw new AtParameterException(50);
            }

            string name = c.Str(0, 32).ToLowerInvariant();
            if (!_modem.SupportsQmtCfg(name))
            {
                throw new AtParameterException(50);
            }

            QmtClient client = _modem.Mqtt.Client(c.Int(1, 0, 5));
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
                        int[] versions = _modem.MqttVersions;
                        client.Version = c.Int(2, versions[0], versions[1]);
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
    }
}
