#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Mqtt;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Mqtt
{
    /// <summary>Every server-to-client packet from hand-written bytes, in any chunking, and malformed input.</summary>
    [TestClass]
    public class MqttDecoderTests
    {
        [TestMethod]
        public void ConnAck_Accepted_ReportsCodeZero()
        {
            MqttDecoder decoder = DecodeOne("20 02 00 00");

            Assert.AreEqual((int)MqttPacketType.ConnAck, (int)decoder.PacketType);
            Assert.AreEqual(0, decoder.ConnAckCode);
            Assert.IsFalse(decoder.SessionPresent);
        }

        [TestMethod]
        public void ConnAck_SessionPresent_IsReported()
        {
            MqttDecoder decoder = DecodeOne("20 02 01 00");

            Assert.IsTrue(decoder.SessionPresent);
        }

        [TestMethod]
        public void ConnAck_BadCredentials_ReportsCodeFour()
        {
            MqttDecoder decoder = DecodeOne("20 02 00 04");

            Assert.AreEqual(4, decoder.ConnAckCode);
        }

        [TestMethod]
        public void Publish_Qos0_GivesTopicAndPayload()
        {
            MqttDecoder decoder = DecodeOne("30 07 00 03 61 2F 62 68 69");

            Assert.AreEqual((int)MqttPacketType.Publish, (int)decoder.PacketType);
            Assert.AreEqual("a/b", decoder.Topic);
            Assert.AreEqual(0, decoder.Qos);
            Assert.AreEqual(0, decoder.PacketId);
            Assert.AreEqual("68 69", HexBytes.Format(decoder.Buffer, decoder.PayloadOffset, decoder.PayloadCount));
        }

        [TestMethod]
        public void Publish_Qos1DupRetain_GivesFlagsAndPacketId()
        {
            MqttDecoder decoder = DecodeOne("3B 09 00 03 61 2F 62 00 07 68 69");

            Assert.AreEqual(1, decoder.Qos);
            Assert.IsTrue(decoder.Dup);
            Assert.IsTrue(decoder.Retain);
            Assert.AreEqual(7, decoder.PacketId);
            Assert.AreEqual(2, decoder.PayloadCount);
        }

        [TestMethod]
        public void Publish_Qos2EmptyPayload_IsAccepted()
        {
            MqttDecoder decoder = DecodeOne("34 05 00 01 74 12 34");

            Assert.AreEqual(2, decoder.Qos);
            Assert.AreEqual(0x1234, decoder.PacketId);
            Assert.AreEqual(0, decoder.PayloadCount);
        }

        [TestMethod]
        public void Publish_TwoByteRemainingLength_ReadsWholePayload()
        {
            // Remaining length 321 = C1 02: topic length (2) + "t" (1) + 318 payload bytes.
            byte[] packet = HexBytes.Concat(HexBytes.Parse("30 C1 02 00 01 74"), new byte[318]);
            packet[packet.Length - 1] = 0x5A;
            MqttDecoder decoder = new MqttDecoder(1024);

            int ready = PushAll(decoder, packet);

            Assert.AreEqual(1, ready);
            Assert.AreEqual(318, decoder.PayloadCount);
            Assert.AreEqual((byte)0x5A, decoder.Buffer[decoder.PayloadOffset + 317]);
        }

        [TestMethod]
        public void Publish_Utf8Topic_IsDecoded()
        {
            MqttDecoder decoder = DecodeOne("30 0B 00 09 C3 A9 E2 82 AC F0 9F 98 80");

            Assert.AreEqual("\u00E9\u20AC\uD83D\uDE00", decoder.Topic);
        }

        [TestMethod]
        public void Acknowledgements_GivePacketIds()
        {
            Assert.AreEqual(7, DecodeOne("40 02 00 07").PacketId);
            Assert.AreEqual((int)MqttPacketType.PubRec, (int)DecodeOne("50 02 00 07").PacketType);
            Assert.AreEqual(0x0102, DecodeOne("62 02 01 02").PacketId);
            Assert.AreEqual((int)MqttPacketType.PubComp, (int)DecodeOne("70 02 FF FF").PacketType);
            Assert.AreEqual(0xFFFF, DecodeOne("70 02 FF FF").PacketId);
            Assert.AreEqual(4, DecodeOne("B0 02 00 04").PacketId);
            Assert.AreEqual((int)MqttPacketType.UnsubAck, (int)DecodeOne("B0 02 00 04").PacketType);
        }

        [TestMethod]
        public void SubAck_GivesOneCodePerFilterIncludingFailure()
        {
            MqttDecoder decoder = DecodeOne("90 05 00 02 00 01 80");

            Assert.AreEqual(2, decoder.PacketId);
            Assert.AreEqual(3, decoder.SubAckCodeCount);
            Assert.AreEqual(0x00, decoder.SubAckCode(0));
            Assert.AreEqual(0x01, decoder.SubAckCode(1));
            Assert.AreEqual(0x80, decoder.SubAckCode(2));
        }

        [TestMethod]
        public void PingResp_IsTwoBytes()
        {
            Assert.AreEqual((int)MqttPacketType.PingResp, (int)DecodeOne("D0 00").PacketType);
        }

        [TestMethod]
        public void Push_SeveralPacketsInOneChunk_AreReadyOneAfterAnother()
        {
            byte[] stream = HexBytes.Parse("20 02 00 00 90 03 00 01 01 30 04 00 01 74 78 D0 00 40 02 00 09");
            MqttDecoder decoder = new MqttDecoder(64);
            string seen = "";

            for (int i = 0; i < stream.Length; i++)
            {
                MqttDecodeStatus status = decoder.Push(stream[i]);
                Assert.AreNotEqual((int)MqttDecodeStatus.Error, (int)status);
                if (status == MqttDecodeStatus.PacketReady)
                {
                    seen += ((int)decoder.PacketType).ToString() + ":" + i.ToString() + " ";
                }
            }

            Assert.AreEqual("2:3 9:8 3:14 13:16 4:20 ", seen);
        }

        [TestMethod]
        public void Push_TruncatedPackets_NeverBecomeReady()
        {
            Assert.AreEqual(0, PushAll(new MqttDecoder(64), HexBytes.Parse("40 02 00")));
            Assert.AreEqual(0, PushAll(new MqttDecoder(64), HexBytes.Parse("30 80")));
            Assert.AreEqual(0, PushAll(new MqttDecoder(64), HexBytes.Parse("30 07 00 03 61 2F 62 68")));
            Assert.AreEqual(0, PushAll(new MqttDecoder(64), HexBytes.Parse("20")));
        }

        [TestMethod]
        public void Push_FourthLengthByteWithContinuation_IsRemainingLengthTooLong()
        {
            AssertError("30 FF FF FF FF", 4096, MqttError.RemainingLengthTooLong, 4);
        }

        [TestMethod]
        public void Push_FourByteMaximumLength_IsOnlyTooLargeForTheConfiguredSize()
        {
            AssertError("90 FF FF FF 7F", 4096, MqttError.PacketTooLarge, 4);
        }

        [TestMethod]
        public void Push_NonPublishAboveMaximumSize_IsPacketTooLargeBeforeTheBody()
        {
            // A SUBACK of 1 + 2 + 128 = 131 bytes against a maximum of 64.
            AssertError("90 80 01", 64, MqttError.PacketTooLarge, 2);
        }

        [TestMethod]
        public void Push_PublishAboveMaximumSize_IsSkippedWithTopicAndIdThenDecodingGoesOn()
        {
            // QoS 1, topic "t", id 5, 40 payload bytes: 1 + 1 + 45 = 47 bytes against a maximum of 16.
            byte[] packet = HexBytes.Concat(HexBytes.Parse("32 2D 00 01 74 00 05"), new byte[40]);
            MqttDecoder decoder = new MqttDecoder(16);
            int skipped = 0;
            for (int i = 0; i < packet.Length; i++)
            {
                MqttDecodeStatus status = decoder.Push(packet[i]);
                Assert.AreEqual(i == packet.Length - 1 ? (int)MqttDecodeStatus.PacketSkipped : (int)MqttDecodeStatus.NeedMore, (int)status);
                skipped += status == MqttDecodeStatus.PacketSkipped ? 1 : 0;
            }

            Assert.AreEqual(1, skipped);
            Assert.AreEqual((int)MqttPacketType.Publish, (int)decoder.PacketType);
            Assert.AreEqual("t", decoder.Topic);
            Assert.AreEqual(5, decoder.PacketId);
            Assert.AreEqual(1, decoder.Qos);
            Assert.AreEqual(47, decoder.SkippedLength);
            Assert.AreEqual(0, decoder.PayloadCount);
            Assert.AreEqual(1, PushAll(decoder, HexBytes.Parse("40 02 00 09")));
            Assert.AreEqual(9, decoder.PacketId);
        }

        [TestMethod]
        public void Push_SkippedPublishWithTopicBeyondKeptBytes_HasNoTopicOrId()
        {
            // Topic length 40 does not fit the 16 kept bytes.
            byte[] packet = HexBytes.Concat(HexBytes.Parse("32 2C 00 28"), new byte[42]);
            MqttDecoder decoder = new MqttDecoder(16);

            MqttDecodeStatus last = MqttDecodeStatus.NeedMore;
            for (int i = 0; i < packet.Length; i++)
            {
                last = decoder.Push(packet[i]);
            }

            Assert.AreEqual((int)MqttDecodeStatus.PacketSkipped, (int)last);
            Assert.IsNull(decoder.Topic);
            Assert.AreEqual(0, decoder.PacketId);
        }

        [TestMethod]
        public void Push_PacketOfExactlyMaximumSize_IsAccepted()
        {
            // 1 + 1 + 14 = 16 bytes, maximum 16.
            byte[] packet = HexBytes.Concat(HexBytes.Parse("30 0E 00 01 74"), new byte[11]);

            Assert.AreEqual(1, PushAll(new MqttDecoder(16), packet));
        }

        [TestMethod]
        [DataRow("41", (int)MqttError.InvalidFlags)]
        [DataRow("60", (int)MqttError.InvalidFlags)]
        [DataRow("22", (int)MqttError.InvalidFlags)]
        [DataRow("92", (int)MqttError.InvalidFlags)]
        [DataRow("D8", (int)MqttError.InvalidFlags)]
        [DataRow("36", (int)MqttError.InvalidQos)]
        [DataRow("3E", (int)MqttError.InvalidQos)]
        [DataRow("00", (int)MqttError.ReservedPacketType)]
        [DataRow("F0", (int)MqttError.ReservedPacketType)]
        [DataRow("10", (int)MqttError.UnexpectedPacketType)]
        [DataRow("82", (int)MqttError.UnexpectedPacketType)]
        [DataRow("C0", (int)MqttError.UnexpectedPacketType)]
        [DataRow("E0", (int)MqttError.UnexpectedPacketType)]
        public void Push_BadFirstByte_FailsAtPositionZero(string hex, int expected)
        {
            AssertError(hex, 64, (MqttError)expected, 0);
        }

        [TestMethod]
        [DataRow("40 03", (int)MqttError.InvalidLength, 1)]
        [DataRow("20 01", (int)MqttError.InvalidLength, 1)]
        [DataRow("D0 01", (int)MqttError.InvalidLength, 1)]
        [DataRow("90 02", (int)MqttError.InvalidLength, 1)]
        [DataRow("32 04", (int)MqttError.InvalidLength, 1)]
        [DataRow("30 03 00 05 61", (int)MqttError.InvalidLength, 2)]
        [DataRow("32 06 00 03 61 2F 62 00", (int)MqttError.InvalidLength, 2)]
        [DataRow("40 02 00 00", (int)MqttError.ZeroPacketId, 2)]
        [DataRow("B0 02 00 00", (int)MqttError.ZeroPacketId, 2)]
        [DataRow("90 03 00 00 00", (int)MqttError.ZeroPacketId, 2)]
        [DataRow("32 05 00 01 74 00 00", (int)MqttError.ZeroPacketId, 5)]
        [DataRow("90 04 00 01 00 03", (int)MqttError.InvalidSubackCode, 5)]
        [DataRow("20 02 02 00", (int)MqttError.InvalidConnackFlags, 2)]
        [DataRow("20 02 01 05", (int)MqttError.InvalidConnackFlags, 2)]
        [DataRow("30 05 00 02 C3 28 78", (int)MqttError.InvalidUtf8, 4)]
        [DataRow("30 05 00 02 C0 AF 78", (int)MqttError.InvalidUtf8, 4)]
        [DataRow("30 06 00 03 ED A0 80 78", (int)MqttError.InvalidUtf8, 4)]
        [DataRow("30 06 00 03 61 E2 82 78", (int)MqttError.InvalidUtf8, 5)]
        [DataRow("30 07 00 04 F4 90 80 80 78", (int)MqttError.InvalidUtf8, 4)]
        [DataRow("30 05 00 02 61 80 78", (int)MqttError.InvalidUtf8, 5)]
        [DataRow("30 05 00 02 61 00 78", (int)MqttError.NullCharacter, 5)]
        [DataRow("30 04 00 01 2B 78", (int)MqttError.WildcardInTopicName, 4)]
        [DataRow("30 06 00 03 61 2F 23 78", (int)MqttError.WildcardInTopicName, 6)]
        [DataRow("30 03 00 00 78", (int)MqttError.EmptyTopic, 4)]
        public void Push_MalformedBody_FailsWithTypedErrorAndPosition(string hex, int expected, int position)
        {
            AssertError(hex, 64, (MqttError)expected, position);
        }

        [TestMethod]
        public void Push_AfterError_StaysInErrorUntilReset()
        {
            MqttDecoder decoder = new MqttDecoder(64);
            PushAll(decoder, HexBytes.Parse("41"));

            Assert.AreEqual((int)MqttDecodeStatus.Error, (int)decoder.Push(0xD0));
            Assert.IsNotNull(decoder.ErrorDetail);

            decoder.Reset();

            Assert.AreEqual((int)MqttError.None, (int)decoder.Error);
            Assert.AreEqual(1, PushAll(decoder, HexBytes.Parse("D0 00")));
        }

        [TestMethod]
        public void Reset_MidPacket_StartsOverAtTheNextByte()
        {
            MqttDecoder decoder = new MqttDecoder(64);
            PushAll(decoder, HexBytes.Parse("30 07 00 03"));

            decoder.Reset();

            Assert.AreEqual(1, PushAll(decoder, HexBytes.Parse("40 02 00 01")));
        }

        private static MqttDecoder DecodeOne(string hex)
        {
            byte[] packet = HexBytes.Parse(hex);
            MqttDecoder decoder = new MqttDecoder(256);
            for (int i = 0; i < packet.Length; i++)
            {
                MqttDecodeStatus status = decoder.Push(packet[i]);
                MqttDecodeStatus expected = i == packet.Length - 1 ? MqttDecodeStatus.PacketReady : MqttDecodeStatus.NeedMore;
                Assert.AreEqual((int)expected, (int)status, "byte " + i.ToString() + " of " + hex + ": " + decoder.ErrorDetail);
            }

            return decoder;
        }

        /// <summary>Pushes every byte; returns how many packets became ready (fails the test on an error).</summary>
        private static int PushAll(MqttDecoder decoder, byte[] bytes)
        {
            int ready = 0;
            for (int i = 0; i < bytes.Length; i++)
            {
                MqttDecodeStatus status = decoder.Push(bytes[i]);
                if (status == MqttDecodeStatus.PacketReady)
                {
                    ready++;
                }
                else if (status == MqttDecodeStatus.Error)
                {
                    return -1;
                }
            }

            return ready;
        }

        private static void AssertError(string hex, int maxPacketSize, MqttError expected, int position)
        {
            byte[] bytes = HexBytes.Parse(hex);
            MqttDecoder decoder = new MqttDecoder(maxPacketSize);
            int errorAt = -1;
            for (int i = 0; i < bytes.Length && errorAt < 0; i++)
            {
                if (decoder.Push(bytes[i]) == MqttDecodeStatus.Error)
                {
                    errorAt = i;
                }
            }

            Assert.AreEqual((int)expected, (int)decoder.Error, hex + ": " + decoder.ErrorDetail);
            Assert.AreEqual(position, decoder.ErrorPosition, hex);
            Assert.AreEqual(bytes.Length - 1, errorAt, hex + " must fail on its last byte, not before or never");
        }
    }
}
