using StmNode.Ports;

namespace StmNode.Mqtt
{
    /// <summary>The session: CONNECT and its CONNACK, subscriptions kept and renewed on every (re)connect.</summary>
    public sealed partial class StreamMqttLink
    {
        public LinkResult Connect(MqttConnectOptions options)
        {
            // A new session supersedes an unreported loss of the old one.
            CloseLine();
            _lostReason = null;
            if (options == null || options.Host == null || options.Host.Length == 0 || options.Port < 1 || options.Port > 65535)
            {
                return Fail(LinkResult.InvalidArgument, "connect needs a host and a port 1..65535");
            }

            MqttConnectPacket packet = new MqttConnectPacket();
            packet.ClientId = options.ClientId;
            packet.Username = options.Username;
            packet.Password = options.Password;
            packet.CleanSession = options.CleanSession;
            packet.KeepAliveSeconds = options.KeepAliveSeconds;
            MqttError error;
            int length = MqttEncoder.ConnectLength(packet, out error);
            if (length == 0)
            {
                return Fail(LinkResult.InvalidArgument, "invalid CONNECT fields: " + MqttErrorText.Of(error));
            }

            string endpoint = options.Host + ":" + options.Port.ToString();
            _line = _connector.Open(options.Host, options.Port, options.UseTls, OpenTimeoutMs);
            if (_line == null)
            {
                return Fail(LinkResult.Failed, "cannot open " + endpoint + ": " + _connector.LastError);
            }

            _decoder.Reset();
            _rxStart = 0;
            _rxEnd = 0;
            _pingSentMs = -1;
            EnsureTx(length);
            MqttEncoder.Connect(_tx, 0, packet, out error);
            if (!Send(_tx, 0, length))
            {
                CloseLine();
                return Fail(LinkResult.Failed, "cannot send CONNECT to " + endpoint);
            }

            int read = ReadPacket(_clock.UptimeMs + ResponseTimeoutMs);
            if (read != ReadGotPacket)
            {
                CloseLine();
                return read == ReadTimedOut
                    ? Fail(LinkResult.Timeout, "no CONNACK from " + endpoint + " within " + ResponseTimeoutMs.ToString() + " ms")
                    : Fail(LinkResult.Failed, "no CONNACK from " + endpoint + ": " + _lastError);
            }

            if (_decoder.PacketType != MqttPacketType.ConnAck)
            {
                CloseLine();
                return Fail(LinkResult.Failed, "protocol error: first packet from " + endpoint + " is not CONNACK");
            }

            int code = _decoder.ConnAckCode;
            if (code != 0)
            {
                CloseLine();
                return Fail(LinkResult.Refused, "broker refused the connection: " + ConnAckText(code));
            }

            _connected = true;
            _keepAliveMs = options.KeepAliveSeconds * 1000L;
            _lastError = null;
            if (_log.IsEnabled(LogLevel.Info))
            {
                _log.Write(LogLevel.Info, Source, "connected to " + endpoint + " over " + _kind + " as " + options.ClientId);
            }

            // The broker keeps the subscriptions only of a session it resumes, and only for the same client.
            string sessionKey = endpoint + " " + options.ClientId;
            if (options.CleanSession || !_decoder.SessionPresent || sessionKey != _sessionKey)
            {
                _subscriptions.NewSession();
            }

            _sessionKey = sessionKey;
            LinkResult subscribed = _subscriptions.SubscribeMissing(_sendSubscribe);
            if (subscribed != LinkResult.Ok)
            {
                _lostReason = null; // the next Connect starts over
                CloseLine();
            }

            return subscribed;
        }

        public LinkResult Subscribe(string topicFilter, int qos)
        {
            MqttError error;
            if (MqttEncoder.SubscribeLength(new string[] { topicFilter }, new int[] { qos }, out error) == 0)
            {
                return Fail(LinkResult.InvalidArgument, "cannot subscribe to '" + topicFilter + "': " + MqttErrorText.Of(error));
            }

            return _subscriptions.Add(topicFilter, qos, _connected, _sendSubscribe);
        }

        private LinkResult SendSubscribe(string topicFilter, int qos)
        {
            string[] filters = new string[] { topicFilter };
            int[] levels = new int[] { qos };
            MqttError error;
            int length = MqttEncoder.SubscribeLength(filters, levels, out error);
            int packetId = _packetIds.Next();
            EnsureTx(length);
            MqttEncoder.Subscribe(_tx, 0, packetId, filters, levels, out error);
            if (!Send(_tx, 0, length))
            {
                return Fail(LinkResult.Failed, "cannot send SUBSCRIBE: " + _lastError);
            }

            int wait = WaitFor(MqttPacketType.SubAck, packetId);
            if (wait != ReadGotPacket)
            {
                return wait == ReadTimedOut
                    ? Fail(LinkResult.Timeout, "no SUBACK for '" + topicFilter + "' within " + ResponseTimeoutMs.ToString() + " ms")
                    : Fail(LinkResult.Failed, "link lost while subscribing: " + _lastError);
            }

            if (_decoder.SubAckCodeCount != 1)
            {
                LoseLink("protocol error: SUBACK with " + _decoder.SubAckCodeCount.ToString() + " codes for one filter");
                return LinkResult.Failed;
            }

            int granted = _decoder.SubAckCode(0);
            if (granted == 0x80)
            {
                return Fail(LinkResult.Refused, "broker refused the subscription to '" + topicFilter + "'");
            }

            if (granted < qos && _log.IsEnabled(LogLevel.Info))
            {
                _log.Write(LogLevel.Info, Source, "'" + topicFilter + "' granted QoS " + granted.ToString() + " of " + qos.ToString());
            }

            return LinkResult.Ok;
        }

        private static string ConnAckText(int code)
        {
            switch (code)
            {
                case 1: return "unacceptable protocol version (1)";
                case 2: return "client identifier rejected (2)";
                case 3: return "server unavailable (3)";
                case 4: return "bad user name or password (4)";
                case 5: return "not authorized (5)";
                default: return "reserved return code " + code.ToString();
            }
        }
    }
}
