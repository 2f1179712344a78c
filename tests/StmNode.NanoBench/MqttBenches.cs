using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using StmNode.Mqtt;

namespace StmNode.NanoBench
{
    /// <summary>PUBLISH, CONNECT and SUBSCRIBE encode and PUBLISH decode: StmNode's codec beside M2Mqtt's message classes.</summary>
    public static class MqttBenches
    {
        private const string ClientId = ReportDocument.DeviceId + "_0_0_2024061003";
        private const string Password = "1a67f20631525e06d136d75928719a0dfccba98a6b2c8a8682f377af1ce87f63";
        private static readonly string CommandFilter = "$oc/devices/" + ReportDocument.DeviceId + "/sys/commands/#";

        public static void Run()
        {
            byte[] body = JsonBenches.ReportBytes();
            byte[] buffer = new byte[1024];
            MqttError error;

            MqttMsgPublish m2Publish = new MqttMsgPublish(ReportDocument.Topic, body, false, MqttQoSLevel.AtLeastOnce, false);
            m2Publish.MessageId = 7;
            Bench.Run("PUBLISH encode", "M2Mqtt MqttMsgPublish.GetBytes", delegate { return m2Publish.GetBytes(MqttProtocolVersion.Version_3_1_1).Length; }, 1);
            Bench.Run("PUBLISH encode", "StmNode MqttEncoder.Publish", delegate
            {
                return MqttEncoder.Publish(buffer, 0, ReportDocument.Topic, body, 0, body.Length, 1, false, false, 7, out error);
            }, 1);

            byte[] packet = m2Publish.GetBytes(MqttProtocolVersion.Version_3_1_1);
            ByteChannel channel = new ByteChannel();
            Bench.Run("PUBLISH decode", "M2Mqtt MqttMsgPublish.Parse", delegate
            {
                channel.Load(packet, 1);
                MqttMsgPublish parsed = MqttMsgPublish.Parse(packet[0], MqttProtocolVersion.Version_3_1_1, channel);
                return parsed.Message.Length;
            }, 1);
            MqttDecoder decoder = new MqttDecoder(1024);
            Bench.Run("PUBLISH decode", "StmNode MqttDecoder", delegate { return Decode(decoder, packet); }, 1);

            MqttMsgConnect m2Connect = new MqttMsgConnect(ClientId, ReportDocument.DeviceId, Password, false, MqttQoSLevel.AtMostOnce, false, null, null, true, 120, MqttProtocolVersion.Version_3_1_1);
            Bench.Run("CONNECT encode", "M2Mqtt MqttMsgConnect.GetBytes", delegate { return m2Connect.GetBytes(MqttProtocolVersion.Version_3_1_1).Length; }, 1);
            MqttConnectPacket connect = new MqttConnectPacket();
            connect.ClientId = ClientId;
            connect.Username = ReportDocument.DeviceId;
            connect.Password = Password;
            connect.KeepAliveSeconds = 120;
            Bench.Run("CONNECT encode", "StmNode MqttEncoder.Connect", delegate { return MqttEncoder.Connect(buffer, 0, connect, out error); }, 1);

            MqttMsgSubscribe m2Subscribe = new MqttMsgSubscribe(new string[] { CommandFilter }, new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce });
            m2Subscribe.MessageId = 3;
            Bench.Run("SUBSCRIBE encode", "M2Mqtt MqttMsgSubscribe.GetBytes", delegate { return m2Subscribe.GetBytes(MqttProtocolVersion.Version_3_1_1).Length; }, 1);
            string[] filters = new string[] { CommandFilter };
            int[] qos = new int[] { 1 };
            Bench.Run("SUBSCRIBE encode", "StmNode MqttEncoder.Subscribe", delegate { return MqttEncoder.Subscribe(buffer, 0, 3, filters, qos, out error); }, 1);
        }

        private static int Decode(MqttDecoder decoder, byte[] packet)
        {
            for (int i = 0; i < packet.Length; i++)
            {
                if (decoder.Push(packet[i]) == MqttDecodeStatus.PacketReady)
                {
                    return decoder.PayloadCount;
                }
            }

            return -1;
        }
    }
}
