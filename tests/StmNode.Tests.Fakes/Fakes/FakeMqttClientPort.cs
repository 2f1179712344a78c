using System;
using System.Collections;
using System.Text;
using StmNode.Ports;

namespace StmNode.Tests.Fakes
{
    /// <summary>
    /// An <see cref="IMqttClientPort"/> in virtual time: records what the link hands the client, lets the test refuse
    /// the network or the connect, make calls throw as the library does, deliver messages and close the connection.
    /// What the real library raises on its own threads is raised here at once, on the test's thread.
    /// </summary>
    public sealed class FakeMqttClientPort : IMqttClientPort
    {
        private readonly ManualClock _clock;
        private readonly ArrayList _calls = new ArrayList();
        private bool _hasClient;

        public FakeMqttClientPort(ManualClock clock)
        {
            _clock = clock;
        }

        /// <summary>Why the network cannot be joined; null joins it.</summary>
        public string NetworkError;

        /// <summary>The CONNACK code Connect returns (0: accepted).</summary>
        public int ConnackCode;

        /// <summary>When set, Connect / Subscribe / Publish / Disconnect throw it.</summary>
        public Exception ConnectThrows;

        public Exception SubscribeThrows;

        public Exception PublishThrows;

        public Exception DisconnectThrows;

        public bool IsConnected { get; private set; }

        /// <summary>Clients started by Connect (each Connect starts one, as M2Mqtt's constructor does).</summary>
        public int ClientsStarted { get; private set; }

        /// <summary>Disconnect calls that found a client to close.</summary>
        public int ClientsClosed { get; private set; }

        public MqttConnectOptions LastOptions { get; private set; }

        /// <summary>Total time spent in Wait.</summary>
        public long WaitedMs { get; private set; }

        public event MqttMessageHandler MessageReceived;

        public event LinkLostHandler ConnectionClosed;

        /// <summary>What the link handed the client, in order: "subscribe a/# 1", "publish t 1 {payload as UTF-8}".</summary>
        public string Call(int index)
        {
            return (string)_calls[index];
        }

        public int CallCount
        {
            get { return _calls.Count; }
        }

        /// <summary>How many calls start with the text (e.g. "subscribe a/#").</summary>
        public int CountCalls(string prefix)
        {
            int count = 0;
            for (int i = 0; i < _calls.Count; i++)
            {
                if (((string)_calls[i]).IndexOf(prefix) == 0)
                {
                    count++;
                }
            }

            return count;
        }

        public bool JoinNetwork(out string error)
        {
            _calls.Add("join");
            error = NetworkError;
            return NetworkError == null;
        }

        public int Connect(MqttConnectOptions options)
        {
            _calls.Add("connect " + options.ClientId);
            LastOptions = options;
            ClientsStarted++;
            _hasClient = true;
            if (ConnectThrows != null)
            {
                throw ConnectThrows;
            }

            IsConnected = ConnackCode == 0;
            return ConnackCode;
        }

        public void Subscribe(string topicFilter, int qos)
        {
            if (SubscribeThrows != null)
            {
                throw SubscribeThrows;
            }

            _calls.Add("subscribe " + topicFilter + " " + qos.ToString());
        }

        public void Publish(string topic, byte[] payload, int qos)
        {
            if (PublishThrows != null)
            {
                throw PublishThrows;
            }

            _calls.Add("publish " + topic + " " + qos.ToString() + " " + Encoding.UTF8.GetString(payload, 0, payload.Length));
        }

        public void Disconnect()
        {
            if (!_hasClient)
            {
                return;
            }

            _calls.Add("disconnect");
            _hasClient = false;
            IsConnected = false;
            ClientsClosed++;
            if (DisconnectThrows != null)
            {
                throw DisconnectThrows;
            }
        }

        public void Wait(int timeoutMs)
        {
            WaitedMs += timeoutMs;
            _clock.Sleep(timeoutMs);
        }

        /// <summary>The broker sends a message (raised at once, as the library's thread would).</summary>
        public void Receive(string topic, string payload)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(payload);
            MqttMessageHandler handler = MessageReceived;
            if (handler != null)
            {
                handler(topic, bytes, 0, bytes.Length);
            }
        }

        /// <summary>The connection drops under the client.</summary>
        public void CloseByPeer(string reason)
        {
            IsConnected = false;
            LinkLostHandler handler = ConnectionClosed;
            if (handler != null)
            {
                handler(reason);
            }
        }
    }
}
