using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Formatter.V3;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using StmNode.Mqtt;

namespace StmNode.IntegrationTests.Fuzz
{
    /// <summary>
    /// Generated packets against the MQTT 3.1.1 codec: random and mutated streams never throw and keep the decoder's
    /// error sticky; packets written by MQTTnet decode to the same fields; our encoder's PUBLISH and CONNECT decode
    /// back to what was encoded (by our decoder and by MQTTnet's).
    /// </summary>
    [TestClass]
    public sealed class MqttFuzzTests
    {
        private static readonly Gen<string> TopicText =
            Gen.Frequency(
                (3, Gen.String[Gen.Char["abcxyz019/$_-. "], 1, 40]),
                (1, Gen.String[Gen.Char, 1, 20]),
                (1, Gen.String[Gen.Char["a/+#\0\u00e9\u4e2d\ud83d\ude00\ud800"], 1, 10]));

        private static readonly Gen<ServerPacket> Packet =
            Gen.Frequency(
                (1, Gen.Select(Gen.Int[0, 5], Gen.Bool, (code, present) => new ServerPacket(MqttPacketType.ConnAck, 0, code, code == 0 && present, null, null, 0, false, false, null))),
                (4, Gen.Select(Gen.String[Gen.Char["abc/$_-\u00e9\u4e2d"], 1, 30], Gen.Byte.Array[0, 200], Gen.Int[0, 2], Gen.Bool, Gen.Bool, Gen.Int[1, 65535],
                    (topic, payload, qos, retain, dup, id) => new ServerPacket(MqttPacketType.Publish, qos == 0 ? 0 : id, 0, false, topic, payload, qos, retain, qos > 0 && dup, null))),
                (2, Gen.Select(Gen.OneOf(MqttPacketType.PubAck, MqttPacketType.PubRec, MqttPacketType.PubRel, MqttPacketType.PubComp, MqttPacketType.UnsubAck), Gen.Int[1, 65535],
                    (type, id) => new ServerPacket(type, id, 0, false, null, null, 0, false, false, null))),
                (1, Gen.Select(Gen.Int[1, 65535], Gen.OneOf(0, 1, 2, 0x80).Array[1, 6],
                    (id, codes) => new ServerPacket(MqttPacketType.SubAck, id, 0, false, null, null, 0, false, false, codes))),
                (1, Gen.Const(new ServerPacket(MqttPacketType.PingResp, 0, 0, false, null, null, 0, false, false, null))));

        [TestMethod]
        public void Decoder_RandomBytes_NeverThrowsAndErrorIsSticky()
        {
            Gen.Frequency(
                    (1, Gen.Byte.Array[0, 300]),
                    (2, Gen.Select(Packet.Array[1, 5], Gen.Int.Array[1, 4], Gen.Byte,
                        (packets, positions, b) => Mutate(packets.SelectMany(EncodeWithMqttNet).ToArray(), positions, b))))
                .Sample(input =>
                {
                    MqttDecoder decoder = new MqttDecoder(256);
                    bool failed = false;
                    foreach (byte b in input)
                    {
                        MqttDecodeStatus status = decoder.Push(b);
                        if (failed)
                        {
                            Assert.AreEqual(MqttDecodeStatus.Error, status, "error must stick until Reset");
                        }
                        else if (status == MqttDecodeStatus.Error)
                        {
                            failed = true;
                            Assert.AreNotEqual(MqttError.None, decoder.Error);
                            Assert.IsNotNull(decoder.ErrorDetail);
                        }
                        else if (status == MqttDecodeStatus.PacketReady && decoder.PacketType == MqttPacketType.Publish)
                        {
                            Assert.IsTrue(decoder.Topic.Length > 0);
                            Assert.IsTrue(decoder.PayloadOffset + decoder.PayloadCount <= decoder.MaxPacketSize);
                        }
                    }
                }, iter: FuzzRun.Iterations);
        }

        [TestMethod]
        public void Decoder_ServerPacketsWrittenByMqttNet_DecodeToTheSameFields()
        {
            Gen.Select(Packet.Array[1, 6], Gen.Int[1, 64]).Sample((packets, chunk) =>
            {
                byte[] stream = packets.SelectMany(EncodeWithMqttNet).ToArray();
                MqttDecoder decoder = new MqttDecoder(4096);
                List<ServerPacket> decoded = new List<ServerPacket>();
                foreach (byte b in stream)
                {
                    MqttDecodeStatus status = decoder.Push(b);
                    Assert.AreNotEqual(MqttDecodeStatus.Error, status, decoder.ErrorDetail);
                    if (status == MqttDecodeStatus.PacketReady)
                    {
                        decoded.Add(Read(decoder));
                    }
                }

                Assert.AreEqual(packets.Length, decoded.Count);
                for (int i = 0; i < packets.Length; i++)
                {
                    Assert.AreEqual(packets[i].Describe(), decoded[i].Describe());
                }
            }, iter: FuzzRun.Iterations);
        }

        [TestMethod]
        public void PublishEncoder_GeneratedMessages_RoundTripThroughOurDecoderAndMqttNet()
        {
            Gen.Select(TopicText, Gen.Byte.Array[0, 300], Gen.Int[0, 2], Gen.Bool, Gen.Int[1, 65535]).Sample((topic, payload, qos, retain, id) =>
            {
                int packetId = qos == 0 ? 0 : id;
                byte[] buffer = new byte[1024];
                int length = MqttEncoder.Publish(buffer, 0, topic, payload, 0, payload.Length, qos, false, retain, packetId, out MqttError error);
                if (length == 0)
                {
                    // Refused only for a reason the topic really has.
                    Assert.IsTrue(topic.IndexOfAny(new[] { '+', '#', '\0' }) >= 0 || !IsWellFormed(topic), error + " for " + topic);
                    return;
                }

                Assert.IsTrue(IsValidTopicName(topic), "accepted an invalid topic: " + topic);
                byte[] packet = buffer.AsSpan(0, length).ToArray();
                ServerPacket expected = new ServerPacket(MqttPacketType.Publish, packetId, 0, false, topic, payload, qos, retain, false, null);

                MqttDecoder decoder = new MqttDecoder(1024);
                MqttDecodeStatus status = MqttDecodeStatus.NeedMore;
                foreach (byte b in packet)
                {
                    Assert.AreEqual(MqttDecodeStatus.NeedMore, status);
                    status = decoder.Push(b);
                }

                Assert.AreEqual(MqttDecodeStatus.PacketReady, status, decoder.ErrorDetail);
                Assert.AreEqual(expected.Describe(), Read(decoder).Describe());

                MqttPublishPacket theirs = (MqttPublishPacket)DecodeWithMqttNet(packet);
                Assert.AreEqual(topic, theirs.Topic);
                CollectionAssert.AreEqual(payload, theirs.Payload.ToArray());
                Assert.AreEqual(qos, (int)theirs.QualityOfServiceLevel);
                Assert.AreEqual(retain, theirs.Retain);
                Assert.AreEqual(packetId, (int)theirs.PacketIdentifier);
            }, iter: FuzzRun.Iterations);
        }

        [TestMethod]
        public void ConnectEncoder_GeneratedCredentials_DecodeInMqttNetToTheSameFields()
        {
            Gen<string> field = Gen.Frequency((4, Gen.String[Gen.Char.AlphaNumeric, 1, 64]), (1, Gen.String[Gen.Char, 0, 20]));
            Gen.Select(field, field, field, Gen.Int[0, 65535], Gen.Bool).Sample((clientId, username, password, keepAlive, clean) =>
            {
                StmNode.Mqtt.MqttConnectPacket packet = new StmNode.Mqtt.MqttConnectPacket
                {
                    ClientId = clientId,
                    Username = username,
                    Password = password,
                    KeepAliveSeconds = keepAlive,
                    CleanSession = clean || clientId.Length == 0
                };
                byte[] buffer = new byte[1024];
                int length = MqttEncoder.Connect(buffer, 0, packet, out MqttError error);
                if (length == 0)
                {
                    bool justified = !IsWellFormed(clientId) || !IsWellFormed(username) || !IsWellFormed(password)
                        || clientId.Contains('\0') || username.Contains('\0');
                    Assert.IsTrue(justified, error + " for valid fields");
                    return;
                }

                StmNode.Mqtt.MqttConnectPacket expected = packet;
                MQTTnet.Packets.MqttConnectPacket theirs = (MQTTnet.Packets.MqttConnectPacket)DecodeWithMqttNet(buffer.AsSpan(0, length).ToArray());
                Assert.AreEqual(expected.ClientId, theirs.ClientId);
                Assert.AreEqual(expected.Username, theirs.Username);
                CollectionAssert.AreEqual(Encoding.UTF8.GetBytes(expected.Password), theirs.Password);
                Assert.AreEqual(expected.KeepAliveSeconds, (int)theirs.KeepAlivePeriod);
                Assert.AreEqual(expected.CleanSession, theirs.CleanSession);
                Assert.IsFalse(theirs.WillFlag);
            }, iter: FuzzRun.Iterations);
        }

        internal static byte[] EncodeWithMqttNet(ServerPacket packet)
        {
            MqttPacket theirs = packet.Type switch
            {
                MqttPacketType.ConnAck => new MqttConnAckPacket { ReturnCode = (MqttConnectReturnCode)packet.Code, IsSessionPresent = packet.Flag },
                MqttPacketType.Publish => new MqttPublishPacket
                {
                    Topic = packet.Topic,
                    Payload = new ReadOnlySequence<byte>(packet.Payload),
                    QualityOfServiceLevel = (MqttQualityOfServiceLevel)packet.Qos,
                    Retain = packet.Retain,
                    Dup = packet.Dup,
                    PacketIdentifier = (ushort)packet.Id
                },
                MqttPacketType.PubAck => new MqttPubAckPacket { PacketIdentifier = (ushort)packet.Id },
                MqttPacketType.PubRec => new MqttPubRecPacket { PacketIdentifier = (ushort)packet.Id },
                MqttPacketType.PubRel => new MqttPubRelPacket { PacketIdentifier = (ushort)packet.Id },
                MqttPacketType.PubComp => new MqttPubCompPacket { PacketIdentifier = (ushort)packet.Id },
                MqttPacketType.UnsubAck => new MqttUnsubAckPacket { PacketIdentifier = (ushort)packet.Id },
                MqttPacketType.SubAck => new MqttSubAckPacket
                {
                    PacketIdentifier = (ushort)packet.Id,
                    ReasonCodes = packet.SubAckCodes.Select(c => (MqttSubscribeReasonCode)c).ToList()
                },
                _ => MqttPingRespPacket.Instance
            };
            return Formatter().Encode(theirs).ToArray();
        }

        internal static MqttPacket DecodeWithMqttNet(byte[] packet)
        {
            int length = 0;
            int multiplier = 1;
            int p = 1;
            do
            {
                length += (packet[p] & 0x7F) * multiplier;
                multiplier <<= 7;
            }
            while ((packet[p++] & 0x80) != 0);

            return Formatter().Decode(new ReceivedMqttPacket(packet[0], new ArraySegment<byte>(packet, p, length), packet.Length));
        }

        private static MqttV3PacketFormatter Formatter()
        {
            return new MqttV3PacketFormatter(new MqttBufferWriter(4096, 65536), MqttProtocolVersion.V311);
        }

        private static ServerPacket Read(MqttDecoder decoder)
        {
            byte[] payload = decoder.PacketType == MqttPacketType.Publish
                ? decoder.Buffer.AsSpan(decoder.PayloadOffset, decoder.PayloadCount).ToArray()
                : null;
            int[] codes = decoder.PacketType == MqttPacketType.SubAck
                ? Enumerable.Range(0, decoder.SubAckCodeCount).Select(decoder.SubAckCode).ToArray()
                : null;
            bool publish = decoder.PacketType == MqttPacketType.Publish;
            return new ServerPacket(decoder.PacketType, decoder.PacketId, decoder.ConnAckCode, decoder.SessionPresent, decoder.Topic, payload,
                publish ? decoder.Qos : 0, publish && decoder.Retain, publish && decoder.Dup, codes);
        }

        private static bool IsWellFormed(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsValidTopicName(string topic)
        {
            return topic.Length > 0 && topic.IndexOfAny(new[] { '+', '#', '\0' }) < 0 && IsWellFormed(topic) && Encoding.UTF8.GetByteCount(topic) <= 65535;
        }

        private static byte[] Mutate(byte[] data, int[] positions, byte value)
        {
            List<byte> bytes = data.ToList();
            foreach (int position in positions)
            {
                if (bytes.Count == 0)
                {
                    break;
                }

                int at = (int)((uint)position % (uint)bytes.Count);
                switch ((uint)position % 3)
                {
                    case 0:
                        bytes[at] = value;
                        break;
                    case 1:
                        bytes.RemoveAt(at);
                        break;
                    default:
                        bytes.Insert(at, value);
                        break;
                }
            }

            return bytes.ToArray();
        }

        /// <summary>The fields of one server-to-client packet, comparable through <see cref="Describe"/>.</summary>
        internal sealed record ServerPacket(MqttPacketType Type, int Id, int Code, bool Flag, string Topic, byte[] Payload, int Qos, bool Retain, bool Dup, int[] SubAckCodes)
        {
            public string Describe()
            {
                return Type + " id=" + Id + " code=" + Code + " flag=" + Flag + " topic=" + Topic + " qos=" + Qos + " retain=" + Retain + " dup=" + Dup
                    + " payload=" + (Payload == null ? "-" : Convert.ToHexString(Payload))
                    + " codes=" + (SubAckCodes == null ? "-" : string.Join(",", SubAckCodes));
            }
        }
    }
}
