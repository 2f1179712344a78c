#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Mqtt;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Mqtt
{
    /// <summary>Golden vectors written by hand from MQTT 3.1.1 (protocols.md §7) for every client packet.</summary>
    [TestClass]
    public class MqttEncoderTests
    {
        [TestMethod]
        [DataRow(0, "00")]
        [DataRow(127, "7F")]
        [DataRow(128, "80 01")]
        [DataRow(321, "C1 02")]
        [DataRow(16383, "FF 7F")]
        [DataRow(16384, "80 80 01")]
        [DataRow(2097151, "FF FF 7F")]
        [DataRow(2097152, "80 80 80 01")]
        [DataRow(268435455, "FF FF FF 7F")]
        public void WriteRemainingLength_SpecValues_MatchSpecEncoding(int value, string expected)
        {
            byte[] buffer = new byte[8];

            int size = MqttEncoder.WriteRemainingLength(buffer, 0, value);

            Assert.AreEqual(expected, HexBytes.Format(buffer, 0, size));
            Assert.AreEqual(size, MqttEncoder.RemainingLengthSize(value));
        }

        [TestMethod]
        public void RemainingLengthSize_OutOfRange_IsZero()
        {
            Assert.AreEqual(0, MqttEncoder.RemainingLengthSize(268435456));
            Assert.AreEqual(0, MqttEncoder.RemainingLengthSize(-1));
        }

        [TestMethod]
        public void Connect_UserPasswordClean_WritesFlagsC2()
        {
            MqttConnectPacket packet = new MqttConnectPacket();
            packet.ClientId = "c1";
            packet.Username = "u";
            packet.Password = "p";
            packet.KeepAliveSeconds = 60;

            Assert.AreEqual("10 14 00 04 4D 51 54 54 04 C2 00 3C 00 02 63 31 00 01 75 00 01 70", Encode(packet));
        }

        [TestMethod]
        public void Connect_ClientIdOnly_WritesCleanSessionFlagOnly()
        {
            MqttConnectPacket packet = new MqttConnectPacket();
            packet.ClientId = "a";
            packet.KeepAliveSeconds = 0;

            Assert.AreEqual("10 0D 00 04 4D 51 54 54 04 02 00 00 00 01 61", Encode(packet));
        }

        [TestMethod]
        public void Connect_WillQos1Retained_WritesWillFieldsInOrder()
        {
            MqttConnectPacket packet = new MqttConnectPacket();
            packet.ClientId = "a";
            packet.WillTopic = "w";
            packet.WillPayload = new byte[] { 0x78 };
            packet.WillQos = 1;
            packet.WillRetain = true;
            packet.CleanSession = false;
            packet.KeepAliveSeconds = 10;

            // Flags: will retain 0x20 + will QoS 1 0x08 + will 0x04; payload: client id, will topic, will message.
            Assert.AreEqual("10 13 00 04 4D 51 54 54 04 2C 00 0A 00 01 61 00 01 77 00 01 78", Encode(packet));
        }

        [TestMethod]
        public void Connect_HuaweiWorkedExample_Is170BytesWithSpecHeader()
        {
            MqttConnectPacket packet = new MqttConnectPacket();
            packet.ClientId = "660f1e2a7bbf9d23a1b2c3d4_esp32node01_0_0_2024061003";
            packet.Username = "660f1e2a7bbf9d23a1b2c3d4_esp32node01";
            packet.Password = "1a67f20631525e06d136d75928719a0dfccba98a6b2c8a8682f377af1ce87f63";
            packet.KeepAliveSeconds = 120;
            byte[] buffer = new byte[256];
            MqttError error;

            int length = MqttEncoder.Connect(buffer, 0, packet, out error);

            Assert.AreEqual(170, length);
            Assert.AreEqual(170, MqttEncoder.ConnectLength(packet, out error));
            Assert.AreEqual("10 A7 01 00 04 4D 51 54 54 04 C2 00 78 00 33", HexBytes.Format(buffer, 0, 15));
        }

        [TestMethod]
        public void Connect_PasswordWithoutUser_IsInvalidArgument()
        {
            MqttConnectPacket packet = new MqttConnectPacket();
            packet.ClientId = "a";
            packet.Password = "p";

            Assert.AreEqual((int)MqttError.InvalidArgument, (int)EncodeError(packet));
        }

        [TestMethod]
        public void Connect_EmptyClientIdWithoutCleanSession_IsInvalidArgument()
        {
            MqttConnectPacket packet = new MqttConnectPacket();
            packet.ClientId = "";
            packet.CleanSession = false;

            Assert.AreEqual((int)MqttError.InvalidArgument, (int)EncodeError(packet));
        }

        [TestMethod]
        public void Connect_KeepAliveAbove65535_IsInvalidArgument()
        {
            MqttConnectPacket packet = new MqttConnectPacket();
            packet.ClientId = "a";
            packet.KeepAliveSeconds = 65536;

            Assert.AreEqual((int)MqttError.InvalidArgument, (int)EncodeError(packet));
        }

        [TestMethod]
        public void Connect_NulClientIdCannotExistOnNano_NulByteInClientIdFieldIsRefused()
        {
            // A nanoFramework string ends at U+0000 ("a\0b" is "a" there): the string check is host-only
            // (StmNode.Tests.Host/Mqtt/MqttNanoImpossibleStringTests). The MQTT rule [MQTT-1.5.3-2] holds on the bytes.
            MqttConnectPacket packet = new MqttConnectPacket();
            packet.ClientId = "a_b";
            byte[] buffer = new byte[32];
            MqttError error;
            int bad;

            int length = MqttEncoder.Connect(buffer, 0, packet, out error);
            Assert.AreEqual("00 03 61 5F 62", HexBytes.Format(buffer, length - 5, 5));
            Assert.AreEqual((int)MqttError.None, (int)MqttUtf8.Check(buffer, length - 3, 3, out bad));
            buffer[length - 2] = 0x00;

            Assert.AreEqual((int)MqttError.NullCharacter, (int)MqttUtf8.Check(buffer, length - 3, 3, out bad));
            Assert.AreEqual(length - 2, bad);
        }

        [TestMethod]
        public void Connect_WillQosWithoutWillTopic_IsInvalidArgument()
        {
            MqttConnectPacket packet = new MqttConnectPacket();
            packet.ClientId = "a";
            packet.WillQos = 1;

            Assert.AreEqual((int)MqttError.InvalidArgument, (int)EncodeError(packet));
        }

        [TestMethod]
        public void Connect_BufferOneByteShort_IsBufferTooSmall()
        {
            MqttConnectPacket packet = new MqttConnectPacket();
            packet.ClientId = "a";
            byte[] buffer = new byte[14];
            MqttError error;

            int length = MqttEncoder.Connect(buffer, 0, packet, out error);

            Assert.AreEqual(0, length);
            Assert.AreEqual((int)MqttError.BufferTooSmall, (int)error);
        }

        [TestMethod]
        public void Publish_Qos0_WritesTopicAndPayloadWithoutPacketId()
        {
            byte[] buffer = new byte[32];
            MqttError error;

            int length = MqttEncoder.Publish(buffer, 0, "a/b", HexBytes.Utf8("hi"), 0, 2, 0, false, false, 0, out error);

            Assert.AreEqual("30 07 00 03 61 2F 62 68 69", HexBytes.Format(buffer, 0, length));
            Assert.AreEqual((int)MqttError.None, (int)error);
        }

        [TestMethod]
        public void Publish_Qos1DupRetain_SetsAllFlagBitsAndPacketId()
        {
            byte[] buffer = new byte[32];
            MqttError error;

            int length = MqttEncoder.Publish(buffer, 0, "t", HexBytes.Utf8("xx"), 1, 1, 1, true, true, 10, out error);

            Assert.AreEqual("3B 06 00 01 74 00 0A 78", HexBytes.Format(buffer, 0, length));
        }

        [TestMethod]
        public void Publish_Qos2EmptyPayload_WritesFirstByte34()
        {
            byte[] buffer = new byte[32];
            MqttError error;

            int length = MqttEncoder.Publish(buffer, 0, "t", null, 0, 0, 2, false, false, 0x1234, out error);

            Assert.AreEqual("34 05 00 01 74 12 34", HexBytes.Format(buffer, 0, length));
        }

        [TestMethod]
        public void Publish_AtOffset_LeavesBytesBeforeOffsetAlone()
        {
            byte[] buffer = new byte[16];
            buffer[0] = 0xAA;
            MqttError error;

            int length = MqttEncoder.Publish(buffer, 1, "t", HexBytes.Utf8("x"), 0, 1, 0, false, false, 0, out error);

            Assert.AreEqual("AA 30 04 00 01 74 78", HexBytes.Format(buffer, 0, 1 + length));
        }

        [TestMethod]
        public void Publish_MultiByteUtf8Topic_CountsBytesNotChars()
        {
            byte[] buffer = new byte[32];
            MqttError error;

            // "é" is C3 A9, "€" is E2 82 AC, U+1F600 is F0 9F 98 80 (a surrogate pair in C#).
            int length = MqttEncoder.Publish(buffer, 0, "\u00E9\u20AC\uD83D\uDE00", null, 0, 0, 0, false, false, 0, out error);

            Assert.AreEqual("30 0B 00 09 C3 A9 E2 82 AC F0 9F 98 80", HexBytes.Format(buffer, 0, length));
        }

        [TestMethod]
        public void Publish_HuaweiReport_StartsWithSpecHeader()
        {
            string topic = "$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/properties/report";
            byte[] payload = HexBytes.Utf8("{\"services\":[{\"service_id\":\"Environment\",\"properties\":{\"temperature\":23.5,\"humidity\":61,\"battery\":3.71},\"event_time\":\"20240610T031502Z\"}]}");
            byte[] buffer = new byte[300];
            MqttError error;

            int length = MqttEncoder.Publish(buffer, 0, topic, payload, 0, payload.Length, 1, false, false, 1, out error);

            Assert.AreEqual(138, payload.Length);
            Assert.AreEqual(215, length);
            Assert.AreEqual("32 D4 01 00 46 24 6F 63", HexBytes.Format(buffer, 0, 8));
        }

        [TestMethod]
        public void PublishHeader_LeavesPayloadToCaller()
        {
            byte[] buffer = new byte[32];
            MqttError error;

            int length = MqttEncoder.PublishHeader(buffer, 0, "a/b", 300, 1, false, false, 7, out error);

            // Remaining length 2 + 3 + 2 + 300 = 307 = B3 02.
            Assert.AreEqual("32 B3 02 00 03 61 2F 62 00 07", HexBytes.Format(buffer, 0, length));
        }

        [TestMethod]
        [DataRow("a/+", (int)MqttError.WildcardInTopicName)]
        [DataRow("#", (int)MqttError.WildcardInTopicName)]
        [DataRow("", (int)MqttError.EmptyTopic)]
        public void Publish_InvalidTopic_WritesNothingAndReportsError(string topic, int expected)
        {
            byte[] buffer = new byte[32];
            MqttError error;

            int length = MqttEncoder.Publish(buffer, 0, topic, null, 0, 0, 0, false, false, 0, out error);

            Assert.AreEqual(0, length);
            Assert.AreEqual(expected, (int)error);
        }

        [TestMethod]
        [DataRow("61 00 62", (int)MqttError.NullCharacter, 1)]
        [DataRow("61 ED A0 80", (int)MqttError.InvalidUtf8, 1)]
        [DataRow("ED B0 80 62", (int)MqttError.InvalidUtf8, 0)]
        public void Publish_NulOrLoneSurrogateTopicCannotExistOnNano_SuchBytesInReceivedTopicAreRefused(string topicHex, int expected, int badIndex)
        {
            // "a\0b", "a\uD800" and "\uDC00b" cannot be nanoFramework strings (U+0000 ends one, a lone surrogate becomes
            // U+FFFD), so the string checks are host-only (StmNode.Tests.Host/Mqtt/MqttNanoImpossibleStringTests). Here
            // their bytes arrive in a PUBLISH built by the encoder around a same-length topic.
            byte[] topic = HexBytes.Parse(topicHex);
            byte[] buffer = new byte[32];
            MqttError error;
            int length = MqttEncoder.Publish(buffer, 0, new string('t', topic.Length), HexBytes.Utf8("x"), 0, 1, 0, false, false, 0, out error);
            System.Array.Copy(topic, 0, buffer, 4, topic.Length);
            MqttDecoder decoder = new MqttDecoder(64);

            MqttDecodeStatus last = MqttDecodeStatus.NeedMore;
            for (int i = 0; i < length && last == MqttDecodeStatus.NeedMore; i++)
            {
                last = decoder.Push(buffer[i]);
            }

            Assert.AreEqual((int)MqttDecodeStatus.Error, (int)last);
            Assert.AreEqual(expected, (int)decoder.Error);
            Assert.AreEqual(4 + badIndex, decoder.ErrorPosition);
        }

        [TestMethod]
        public void Publish_Qos1WithZeroPacketId_IsZeroPacketId()
        {
            byte[] buffer = new byte[32];
            MqttError error;

            int length = MqttEncoder.Publish(buffer, 0, "t", null, 0, 0, 1, false, false, 0, out error);

            Assert.AreEqual(0, length);
            Assert.AreEqual((int)MqttError.ZeroPacketId, (int)error);
        }

        [TestMethod]
        public void Publish_Qos3_IsInvalidQos()
        {
            byte[] buffer = new byte[32];
            MqttError error;

            int length = MqttEncoder.Publish(buffer, 0, "t", null, 0, 0, 3, false, false, 1, out error);

            Assert.AreEqual(0, length);
            Assert.AreEqual((int)MqttError.InvalidQos, (int)error);
        }

        [TestMethod]
        public void Publish_Qos0WithDup_IsInvalidArgument()
        {
            byte[] buffer = new byte[32];
            MqttError error;

            int length = MqttEncoder.Publish(buffer, 0, "t", null, 0, 0, 0, true, false, 0, out error);

            Assert.AreEqual(0, length);
            Assert.AreEqual((int)MqttError.InvalidArgument, (int)error);
        }

        [TestMethod]
        public void Publish_PayloadRangeOutsideArray_IsInvalidArgument()
        {
            byte[] buffer = new byte[32];
            MqttError error;

            int length = MqttEncoder.Publish(buffer, 0, "t", new byte[4], 2, 3, 0, false, false, 0, out error);

            Assert.AreEqual(0, length);
            Assert.AreEqual((int)MqttError.InvalidArgument, (int)error);
        }

        [TestMethod]
        public void Publish_PayloadDoesNotFit_IsBufferTooSmall()
        {
            byte[] buffer = new byte[8];
            MqttError error;

            int length = MqttEncoder.Publish(buffer, 0, "t", new byte[4], 0, 4, 0, false, false, 0, out error);

            Assert.AreEqual(0, length);
            Assert.AreEqual((int)MqttError.BufferTooSmall, (int)error);
        }

        [TestMethod]
        public void Acks_WriteTypeFlagsLengthAndId()
        {
            byte[] buffer = new byte[4];
            MqttError error;

            MqttEncoder.PubAck(buffer, 0, 1, out error);
            Assert.AreEqual("40 02 00 01", HexBytes.Format(buffer));
            MqttEncoder.PubRec(buffer, 0, 0x0102, out error);
            Assert.AreEqual("50 02 01 02", HexBytes.Format(buffer));
            MqttEncoder.PubRel(buffer, 0, 0xFFFF, out error);
            Assert.AreEqual("62 02 FF FF", HexBytes.Format(buffer));
            MqttEncoder.PubComp(buffer, 0, 3, out error);
            Assert.AreEqual("70 02 00 03", HexBytes.Format(buffer));
        }

        [TestMethod]
        public void PubAck_ZeroPacketId_IsRefused()
        {
            byte[] buffer = new byte[4];
            MqttError error;

            Assert.AreEqual(0, MqttEncoder.PubAck(buffer, 0, 0, out error));
            Assert.AreEqual((int)MqttError.ZeroPacketId, (int)error);
            Assert.AreEqual(0, MqttEncoder.PubAck(buffer, 0, 65536, out error));
            Assert.AreEqual((int)MqttError.InvalidArgument, (int)error);
        }

        [TestMethod]
        public void Subscribe_OneFilter_WritesFirstByte82AndQos()
        {
            byte[] buffer = new byte[32];
            MqttError error;

            int length = MqttEncoder.Subscribe(buffer, 0, 2, new string[] { "a/+" }, new int[] { 1 }, out error);

            Assert.AreEqual("82 08 00 02 00 03 61 2F 2B 01", HexBytes.Format(buffer, 0, length));
        }

        [TestMethod]
        public void Subscribe_TwoFilters_WritesBothInOrder()
        {
            byte[] buffer = new byte[32];
            MqttError error;
            string[] filters = new string[] { "a", "b/#" };

            int length = MqttEncoder.Subscribe(buffer, 0, 3, filters, new int[] { 0, 1 }, out error);

            Assert.AreEqual("82 0C 00 03 00 01 61 00 00 03 62 2F 23 01", HexBytes.Format(buffer, 0, length));
            Assert.AreEqual(length, MqttEncoder.SubscribeLength(filters, new int[] { 0, 1 }, out error));
        }

        [TestMethod]
        public void Subscribe_HuaweiCommandsFilter_MatchesSpecExample()
        {
            byte[] buffer = new byte[80];
            MqttError error;
            string filter = "$oc/devices/660f1e2a7bbf9d23a1b2c3d4_esp32node01/sys/commands/#";

            int length = MqttEncoder.Subscribe(buffer, 0, 2, new string[] { filter }, new int[] { 1 }, out error);

            Assert.AreEqual(70, length);
            Assert.AreEqual("82 44 00 02 00 3F 24", HexBytes.Format(buffer, 0, 7));
            Assert.AreEqual("23 01", HexBytes.Format(buffer, 68, 2));
        }

        [TestMethod]
        public void Subscribe_BadFilterOrArguments_ReportTypedErrors()
        {
            byte[] buffer = new byte[32];
            MqttError error;

            Assert.AreEqual(0, MqttEncoder.Subscribe(buffer, 0, 1, new string[] { "a/#/b" }, new int[] { 0 }, out error));
            Assert.AreEqual((int)MqttError.InvalidWildcard, (int)error);
            Assert.AreEqual(0, MqttEncoder.Subscribe(buffer, 0, 1, new string[] { "a" }, new int[] { 3 }, out error));
            Assert.AreEqual((int)MqttError.InvalidQos, (int)error);
            Assert.AreEqual(0, MqttEncoder.Subscribe(buffer, 0, 0, new string[] { "a" }, new int[] { 0 }, out error));
            Assert.AreEqual((int)MqttError.ZeroPacketId, (int)error);
            Assert.AreEqual(0, MqttEncoder.Subscribe(buffer, 0, 1, new string[0], new int[0], out error));
            Assert.AreEqual((int)MqttError.InvalidArgument, (int)error);
            Assert.AreEqual(0, MqttEncoder.Subscribe(buffer, 0, 1, new string[] { "a" }, new int[] { 0, 1 }, out error));
            Assert.AreEqual((int)MqttError.InvalidArgument, (int)error);
        }

        [TestMethod]
        public void Unsubscribe_OneFilter_WritesFirstByteA2WithoutQos()
        {
            byte[] buffer = new byte[32];
            MqttError error;
            string[] filters = new string[] { "a/b" };

            int length = MqttEncoder.Unsubscribe(buffer, 0, 4, filters, out error);

            Assert.AreEqual("A2 07 00 04 00 03 61 2F 62", HexBytes.Format(buffer, 0, length));
            Assert.AreEqual(length, MqttEncoder.UnsubscribeLength(filters, out error));
        }

        [TestMethod]
        public void PingReqAndDisconnect_AreTwoBytes()
        {
            byte[] buffer = new byte[2];
            MqttError error;

            Assert.AreEqual(2, MqttEncoder.PingReq(buffer, 0, out error));
            Assert.AreEqual("C0 00", HexBytes.Format(buffer));
            Assert.AreEqual(2, MqttEncoder.Disconnect(buffer, 0, out error));
            Assert.AreEqual("E0 00", HexBytes.Format(buffer));
            Assert.AreEqual(0, MqttEncoder.PingReq(buffer, 1, out error));
            Assert.AreEqual((int)MqttError.BufferTooSmall, (int)error);
        }

        private static string Encode(MqttConnectPacket packet)
        {
            byte[] buffer = new byte[128];
            MqttError error;
            int length = MqttEncoder.Connect(buffer, 0, packet, out error);
            Assert.AreEqual((int)MqttError.None, (int)error);
            Assert.AreEqual(length, MqttEncoder.ConnectLength(packet, out error));
            return HexBytes.Format(buffer, 0, length);
        }

        private static MqttError EncodeError(MqttConnectPacket packet)
        {
            byte[] buffer = new byte[128];
            MqttError error;
            int length = MqttEncoder.Connect(buffer, 0, packet, out error);
            Assert.AreEqual(0, length);
            return error;
        }
    }
}
