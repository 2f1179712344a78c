using System.Collections;
using StmNode.Mqtt;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Mqtt
{
    /// <summary>A <see cref="StreamMqttLink"/> wired to scripted bytes in virtual time, recording what it receives and raises.</summary>
    public sealed class StreamMqttLinkRig
    {
        /// <summary>CONNECT for <see cref="Options"/>: client "c1", user "u", password "p", keep-alive 60 s, clean.</summary>
        public const string ConnectHex = "10 14 00 04 4D 51 54 54 04 C2 00 3C 00 02 63 31 00 01 75 00 01 70";

        public readonly ManualClock Clock = new ManualClock();
        public readonly ScriptedStreamConnector Connector = new ScriptedStreamConnector();
        public readonly RecordingLog Log = new RecordingLog();
        public readonly ScriptedSerialLine Line;
        public readonly StreamMqttLink Link;
        public readonly ArrayList LostReasons = new ArrayList();
        private readonly ArrayList _messages = new ArrayList();

        public StreamMqttLinkRig()
        {
            Line = new ScriptedSerialLine(Clock);
            Connector.Add(Line);
            Link = new StreamMqttLink(Connector, Clock, Log, "tcp", 512);
            Link.Lost += OnLost;
        }

        public static MqttConnectOptions Options()
        {
            MqttConnectOptions options = new MqttConnectOptions();
            options.Host = "broker.test";
            options.Port = 1883;
            options.ClientId = "c1";
            options.Username = "u";
            options.Password = "p";
            options.KeepAliveSeconds = 60;
            return options;
        }

        /// <summary>A rig already connected (CONNACK accepted) with the written bytes cleared and the clock at 0.</summary>
        public static StreamMqttLinkRig Connected()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();
            rig.Line.Enqueue(HexBytes.Parse("20 02 00 00"));
            LinkResult result = rig.Link.Connect(Options());
            if (result != LinkResult.Ok)
            {
                throw new System.InvalidOperationException("rig could not connect: " + rig.Link.LastError);
            }

            rig.Line.ClearWritten();
            return rig;
        }

        /// <summary>Queues inbound bytes given as hex.</summary>
        public void Inbound(string hex)
        {
            Line.Enqueue(HexBytes.Parse(hex));
        }

        /// <summary>Every message taken from the link so far, as "topic=payload-as-hex" (reading it takes what waits).</summary>
        public ArrayList Messages
        {
            get
            {
                string topic;
                byte[] payload;
                while (Link.TryTakeMessage(out topic, out payload))
                {
                    _messages.Add(topic + "=" + HexBytes.Format(payload, 0, payload.Length));
                }

                return _messages;
            }
        }

        /// <summary>"topic=payload-as-hex" of received message i.</summary>
        public string Message(int index)
        {
            return (string)Messages[index];
        }

        private void OnLost(string reason)
        {
            LostReasons.Add(reason);
        }
    }
}
