#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Mqtt;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Mqtt
{
    /// <summary>The MQTT client session against scripted broker bytes, in virtual time.</summary>
    [TestClass]
    public class StreamMqttLinkTests
    {
        [TestMethod]
        public void Connect_Accepted_SendsConnectAndIsConnected()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();
            rig.Inbound("20 02 00 00");

            LinkResult result = rig.Link.Connect(StreamMqttLinkRig.Options());

            Assert.AreEqual((int)LinkResult.Ok, (int)result, rig.Link.LastError);
            Assert.IsTrue(rig.Link.IsConnected);
            Assert.AreEqual(StreamMqttLinkRig.ConnectHex, rig.Line.WrittenHex());
            Assert.AreEqual("broker.test", rig.Connector.LastHost);
            Assert.AreEqual(1883, rig.Connector.LastPort);
            Assert.IsFalse(rig.Connector.LastUseTls);
            Assert.AreEqual("tcp", rig.Link.Kind);
        }

        [TestMethod]
        public void Connect_ConnAckDeliveredByteByByte_IsAccepted()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();
            rig.Line.EnqueueChunked(HexBytes.Parse("20 02 00 00"), 1);

            Assert.AreEqual((int)LinkResult.Ok, (int)rig.Link.Connect(StreamMqttLinkRig.Options()));
        }

        [TestMethod]
        [DataRow(1, "unacceptable protocol version")]
        [DataRow(2, "client identifier rejected")]
        [DataRow(3, "server unavailable")]
        [DataRow(4, "bad user name or password")]
        [DataRow(5, "not authorized")]
        [DataRow(6, "reserved return code 6")]
        public void Connect_RefusalCode_IsRefusedWithClearErrorAndClosed(int code, string text)
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();
            rig.Line.Enqueue(new byte[] { 0x20, 0x02, 0x00, (byte)code });

            LinkResult result = rig.Link.Connect(StreamMqttLinkRig.Options());

            Assert.AreEqual((int)LinkResult.Refused, (int)result);
            Assert.IsFalse(rig.Link.IsConnected);
            Assert.IsTrue(rig.Link.LastError.IndexOf(text) >= 0, rig.Link.LastError);
            Assert.AreEqual(1, rig.Connector.CloseCount);
        }

        [TestMethod]
        public void Connect_NoConnAck_TimesOutAfterResponseTimeout()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();
            rig.Link.ResponseTimeoutMs = 5000;

            LinkResult result = rig.Link.Connect(StreamMqttLinkRig.Options());

            Assert.AreEqual((int)LinkResult.Timeout, (int)result);
            Assert.AreEqual(5000L, rig.Clock.UptimeMs);
            Assert.AreEqual(1, rig.Connector.CloseCount);
            Assert.IsFalse(rig.Link.IsConnected);
        }

        [TestMethod]
        public void Connect_OpenFails_IsFailedWithConnectorError()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();
            rig.Connector.FailNextOpen("host unreachable");

            LinkResult result = rig.Link.Connect(StreamMqttLinkRig.Options());

            Assert.AreEqual((int)LinkResult.Failed, (int)result);
            Assert.IsTrue(rig.Link.LastError.IndexOf("host unreachable") >= 0, rig.Link.LastError);
            Assert.AreEqual(rig.Link.OpenTimeoutMs, rig.Connector.LastTimeoutMs);
        }

        [TestMethod]
        public void Connect_FirstPacketNotConnAck_IsFailed()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();
            rig.Inbound("D0 00");

            Assert.AreEqual((int)LinkResult.Failed, (int)rig.Link.Connect(StreamMqttLinkRig.Options()));
            Assert.IsFalse(rig.Link.IsConnected);
        }

        [TestMethod]
        public void Connect_GarbageReply_IsFailedWithProtocolError()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();
            rig.Line.EnqueueText("HTTP/1.1 400 Bad Request\r\n");

            Assert.AreEqual((int)LinkResult.Failed, (int)rig.Link.Connect(StreamMqttLinkRig.Options()));
            Assert.IsTrue(rig.Link.LastError.IndexOf("protocol error") >= 0, rig.Link.LastError);
            Assert.AreEqual(0, rig.LostReasons.Count);
        }

        [TestMethod]
        public void Connect_PeerClosesBeforeConnAck_IsFailed()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();
            rig.Line.Close();

            Assert.AreEqual((int)LinkResult.Failed, (int)rig.Link.Connect(StreamMqttLinkRig.Options()));
        }

        [TestMethod]
        public void Connect_InvalidOptions_AreRefusedBeforeOpening()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();
            MqttConnectOptions noHost = StreamMqttLinkRig.Options();
            noHost.Host = "";
            MqttConnectOptions passwordOnly = StreamMqttLinkRig.Options();
            passwordOnly.Username = null;
            MqttConnectOptions longKeepAlive = StreamMqttLinkRig.Options();
            longKeepAlive.KeepAliveSeconds = 70000;

            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)rig.Link.Connect(noHost));
            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)rig.Link.Connect(passwordOnly));
            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)rig.Link.Connect(longKeepAlive));
            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)rig.Link.Connect(null));
            Assert.AreEqual(0, rig.Connector.OpenCount);
        }

        [TestMethod]
        public void Connect_Logs_NeverContainThePassword()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();
            MqttConnectOptions options = StreamMqttLinkRig.Options();
            options.Password = "S3cr3tPa55";
            rig.Inbound("20 02 00 04");

            rig.Link.Connect(options);

            Assert.IsTrue(rig.Log.Count > 0);
            Assert.IsFalse(rig.Log.Contains("S3cr3tPa55"), rig.Log.All());
            Assert.IsFalse(rig.Link.LastError.IndexOf("S3cr3tPa55") >= 0);
        }

        [TestMethod]
        public void Subscribe_Granted_SendsSubscribeAndIsOk()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Inbound("90 03 00 01 01");

            LinkResult result = rig.Link.Subscribe("a/+", 1);

            Assert.AreEqual((int)LinkResult.Ok, (int)result, rig.Link.LastError);
            Assert.AreEqual("82 08 00 01 00 03 61 2F 2B 01", rig.Line.WrittenHex());
        }

        [TestMethod]
        public void Subscribe_SubAckFailureCode_IsRefused()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Inbound("90 03 00 01 80");

            LinkResult result = rig.Link.Subscribe("a/b", 1);

            Assert.AreEqual((int)LinkResult.Refused, (int)result);
            Assert.IsTrue(rig.Link.LastError.IndexOf("a/b") >= 0, rig.Link.LastError);
            Assert.IsTrue(rig.Link.IsConnected);
        }

        [TestMethod]
        public void Subscribe_NoSubAck_TimesOutAndStaysConnected()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();

            LinkResult result = rig.Link.Subscribe("a/b", 0);

            Assert.AreEqual((int)LinkResult.Timeout, (int)result);
            Assert.AreEqual((long)rig.Link.ResponseTimeoutMs, rig.Clock.UptimeMs);
            Assert.IsTrue(rig.Link.IsConnected);
        }

        [TestMethod]
        public void Subscribe_SubAckForAnotherId_IsNotTakenAsTheAnswer()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Inbound("90 03 00 07 80");
            rig.Inbound("90 03 00 01 00");

            Assert.AreEqual((int)LinkResult.Ok, (int)rig.Link.Subscribe("a", 0));
        }

        [TestMethod]
        public void Subscribe_InvalidFilterOrQos_IsInvalidArgumentAndSendsNothing()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();

            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)rig.Link.Subscribe("a/#/b", 0));
            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)rig.Link.Subscribe("a", 3));
            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)rig.Link.Subscribe(null, 0));
            Assert.AreEqual("", rig.Line.WrittenHex());
        }

        [TestMethod]
        public void Operations_WhenNotConnected_PublishRefusedSubscribeKeptForConnect()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();

            Assert.AreEqual((int)LinkResult.Ok, (int)rig.Link.Subscribe("a", 0));
            Assert.AreEqual((int)LinkResult.NotConnected, (int)rig.Link.Publish("a", new byte[1], 0, 1, 0));
            Assert.AreEqual(0, rig.Connector.OpenCount);
        }

        [TestMethod]
        public void Connect_TwoKeptFiltersAcrossAReconnect_OneSubscribePerFilterPerSession()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();
            LinkResult keptA = rig.Link.Subscribe("a", 1);
            LinkResult keptB = rig.Link.Subscribe("b", 0);
            rig.Inbound("20 02 00 00 90 03 00 01 01 90 03 00 02 00");

            LinkResult first = rig.Link.Connect(StreamMqttLinkRig.Options());
            LinkResult again = rig.Link.Subscribe("a", 1);
            string firstSession = rig.Line.WrittenHex();
            rig.Line.Close();
            rig.Link.Poll(10);
            ScriptedSerialLine second = new ScriptedSerialLine(rig.Clock);
            second.Enqueue(HexBytes.Parse("20 02 00 00 90 03 00 03 01 90 03 00 04 00"));
            rig.Connector.Add(second);
            LinkResult reconnected = rig.Link.Connect(StreamMqttLinkRig.Options());

            Assert.AreEqual((int)LinkResult.Ok, (int)keptA);
            Assert.AreEqual((int)LinkResult.Ok, (int)keptB);
            Assert.AreEqual((int)LinkResult.Ok, (int)first, rig.Link.LastError);
            Assert.AreEqual((int)LinkResult.Ok, (int)again);
            Assert.AreEqual((int)LinkResult.Ok, (int)reconnected, rig.Link.LastError);
            Assert.AreEqual(StreamMqttLinkRig.ConnectHex + " 82 06 00 01 00 01 61 01 82 06 00 02 00 01 62 00", firstSession);
            Assert.AreEqual(StreamMqttLinkRig.ConnectHex + " 82 06 00 03 00 01 61 01 82 06 00 04 00 01 62 00", second.WrittenHex());
            Assert.AreEqual(1, rig.LostReasons.Count);
        }

        [TestMethod]
        public void Connect_BrokerResumesTheSession_SubscribesNothingAgain()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();
            MqttConnectOptions options = StreamMqttLinkRig.Options();
            options.CleanSession = false;
            rig.Link.Subscribe("a", 1);
            rig.Inbound("20 02 00 00 90 03 00 01 01");
            rig.Link.Connect(options);
            rig.Line.Close();
            rig.Link.Poll(10);
            ScriptedSerialLine second = new ScriptedSerialLine(rig.Clock);
            second.Enqueue(HexBytes.Parse("20 02 01 00"));
            rig.Connector.Add(second);

            LinkResult resumed = rig.Link.Connect(options);

            Assert.AreEqual((int)LinkResult.Ok, (int)resumed, rig.Link.LastError);
            Assert.AreEqual("10 14 00 04 4D 51 54 54 04 C0 00 3C 00 02 63 31 00 01 75 00 01 70", second.WrittenHex());
        }

        [TestMethod]
        public void Connect_KeptFilterRefused_FailsAndClosesTheSession()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();
            rig.Link.Subscribe("a", 1);
            rig.Inbound("20 02 00 00 90 03 00 01 80");

            LinkResult result = rig.Link.Connect(StreamMqttLinkRig.Options());
            rig.Link.Poll(10);

            Assert.AreEqual((int)LinkResult.Refused, (int)result);
            Assert.IsFalse(rig.Link.IsConnected);
            Assert.AreEqual(1, rig.Connector.CloseCount);
            Assert.AreEqual(0, rig.LostReasons.Count);
        }

        [TestMethod]
        public void Publish_Qos0_WritesHeaderAndPayloadWithoutWaiting()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            byte[] payload = HexBytes.Utf8("xhiy");

            LinkResult result = rig.Link.Publish("a/b", payload, 1, 2, 0);

            Assert.AreEqual((int)LinkResult.Ok, (int)result);
            Assert.AreEqual("30 07 00 03 61 2F 62 68 69", rig.Line.WrittenHex());
            Assert.AreEqual(0L, rig.Clock.UptimeMs);
        }

        [TestMethod]
        public void Publish_Qos1_WaitsForPubAckWithItsId()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Inbound("40 02 00 01");

            LinkResult result = rig.Link.Publish("t", HexBytes.Utf8("x"), 0, 1, 1);

            Assert.AreEqual((int)LinkResult.Ok, (int)result, rig.Link.LastError);
            Assert.AreEqual("32 06 00 01 74 00 01 78", rig.Line.WrittenHex());
        }

        [TestMethod]
        public void Publish_Qos1WithoutPubAck_ResendsWithDupAndSameId()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            // The broker answers only the retransmission (DUP=1, first byte 0x3A).
            rig.Line.AddReply(HexBytes.Parse("3A 06 00 01 74 00 01 78"), HexBytes.Parse("40 02 00 01"), false);

            LinkResult result = rig.Link.Publish("t", HexBytes.Utf8("x"), 0, 1, 1);

            Assert.AreEqual((int)LinkResult.Ok, (int)result, rig.Link.LastError);
            Assert.AreEqual("32 06 00 01 74 00 01 78 3A 06 00 01 74 00 01 78", rig.Line.WrittenHex());
            Assert.AreEqual((long)rig.Link.ResponseTimeoutMs, rig.Clock.UptimeMs);
        }

        [TestMethod]
        public void Publish_Qos1NeverAcknowledged_TimesOutAfterAllAttempts()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Link.PublishRetries = 2;
            rig.Link.ResponseTimeoutMs = 3000;

            LinkResult result = rig.Link.Publish("t", null, 0, 0, 1);

            Assert.AreEqual((int)LinkResult.Timeout, (int)result);
            Assert.AreEqual("32 05 00 01 74 00 01 3A 05 00 01 74 00 01 3A 05 00 01 74 00 01", rig.Line.WrittenHex());
            Assert.AreEqual(9000L, rig.Clock.UptimeMs);
            Assert.IsTrue(rig.Link.IsConnected);
        }

        [TestMethod]
        public void Publish_LatePubAckForEarlierId_IsIgnored()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Inbound("40 02 00 09 40 02 00 01");

            Assert.AreEqual((int)LinkResult.Ok, (int)rig.Link.Publish("t", null, 0, 0, 1));
            Assert.AreEqual(0L, rig.Clock.UptimeMs);
        }

        [TestMethod]
        public void Publish_PacketIds_IncreaseAcrossOperations()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Inbound("90 03 00 01 00 40 02 00 02 40 02 00 03");

            rig.Link.Subscribe("s", 0);
            rig.Link.Publish("t", null, 0, 0, 1);
            rig.Link.Publish("t", null, 0, 0, 0);
            rig.Link.Publish("t", null, 0, 0, 1);

            Assert.AreEqual("82 06 00 01 00 01 73 00 32 05 00 01 74 00 02 30 03 00 01 74 32 05 00 01 74 00 03", rig.Line.WrittenHex());
        }

        [TestMethod]
        public void Publish_InvalidArguments_AreRefusedBeforeSending()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();

            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)rig.Link.Publish("a/+", null, 0, 0, 0));
            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)rig.Link.Publish("", null, 0, 0, 0));
            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)rig.Link.Publish("t", null, 0, 0, 2));
            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)rig.Link.Publish("t", new byte[2], 1, 2, 0));
            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)rig.Link.Publish("t", null, 0, 1, 0));
            Assert.AreEqual("", rig.Line.WrittenHex());
        }

        [TestMethod]
        public void Publish_WriteFails_IsFailedAndLostIsRaisedByPoll()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Line.FailWrites = true;

            LinkResult result = rig.Link.Publish("t", null, 0, 0, 0);

            Assert.AreEqual((int)LinkResult.Failed, (int)result);
            Assert.IsFalse(rig.Link.IsConnected);
            Assert.AreEqual(0, rig.LostReasons.Count);
            rig.Link.Poll(0);
            Assert.AreEqual(1, rig.LostReasons.Count);
            Assert.AreEqual("write failed", (string)rig.LostReasons[0]);
            rig.Link.Poll(0);
            Assert.AreEqual(1, rig.LostReasons.Count);
        }

        [TestMethod]
        public void Publish_AckOfMessageArrivingWhileWaitingFails_IsFailedWithoutReadingTheClosedLine()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Inbound("32 06 00 01 63 00 07 7A");
            rig.Line.FailWritesFromCount = rig.Line.WriteCount + 1;

            LinkResult result = rig.Link.Publish("t", null, 0, 0, 1);

            Assert.AreEqual((int)LinkResult.Failed, (int)result);
            Assert.IsFalse(rig.Link.IsConnected);
            rig.Link.Poll(0);
            Assert.AreEqual(1, rig.LostReasons.Count);
            Assert.AreEqual("write failed", (string)rig.LostReasons[0]);
        }

        [TestMethod]
        public void Subscribe_AckOfMessageArrivingWhileWaitingFails_IsFailedWithoutReadingTheClosedLine()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Inbound("32 06 00 01 63 00 07 7A");
            rig.Line.FailWritesFromCount = rig.Line.WriteCount + 1;

            LinkResult result = rig.Link.Subscribe("c", 1);

            Assert.AreEqual((int)LinkResult.Failed, (int)result);
            Assert.IsFalse(rig.Link.IsConnected);
        }

        [TestMethod]
        public void Publish_MessageArrivingWhileWaiting_IsAckedAndQueued()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Inbound("32 06 00 01 63 00 07 7A 40 02 00 01");

            LinkResult result = rig.Link.Publish("t", null, 0, 0, 1);

            Assert.AreEqual((int)LinkResult.Ok, (int)result);
            Assert.AreEqual("32 05 00 01 74 00 01 40 02 00 07", rig.Line.WrittenHex());
            Assert.AreEqual(1, rig.Messages.Count);
            Assert.AreEqual("c=7A", rig.Message(0));
        }

        [TestMethod]
        public void Poll_Qos0Message_IsQueuedToBeTaken()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Inbound("30 07 00 03 61 2F 62 68 69");

            rig.Link.Poll(100);

            Assert.AreEqual(1, rig.Messages.Count);
            Assert.AreEqual("a/b=68 69", rig.Message(0));
            Assert.AreEqual("", rig.Line.WrittenHex());
        }

        [TestMethod]
        public void Poll_Qos1Message_AnswersPubAckWithItsId()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Inbound("32 06 00 01 63 01 02 7A");

            rig.Link.Poll(100);

            Assert.AreEqual("c=7A", rig.Message(0));
            Assert.AreEqual("40 02 01 02", rig.Line.WrittenHex());
        }

        [TestMethod]
        public void Poll_Qos2Message_AnswersPubRecThenPubComp()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Inbound("34 06 00 01 63 00 05 7A");
            rig.Inbound("62 02 00 05");

            rig.Link.Poll(100);

            Assert.AreEqual(1, rig.Messages.Count);
            Assert.AreEqual("50 02 00 05 70 02 00 05", rig.Line.WrittenHex());
        }

        [TestMethod]
        public void Poll_PacketsInSmallChunks_AreAllDelivered()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Line.EnqueueChunked(HexBytes.Parse("30 07 00 03 61 2F 62 68 69 32 06 00 01 63 00 09 7A"), 3);

            rig.Link.Poll(100);

            Assert.AreEqual(2, rig.Messages.Count);
            Assert.AreEqual("a/b=68 69", rig.Message(0));
            Assert.AreEqual("c=7A", rig.Message(1));
            Assert.AreEqual("40 02 00 09", rig.Line.WrittenHex());
        }

        [TestMethod]
        public void Poll_PacketsByteByByte_AreAllDelivered()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Line.MaxReadSize = 1;
            rig.Inbound("30 07 00 03 61 2F 62 68 69 30 04 00 01 63 7A");

            rig.Link.Poll(100);

            Assert.AreEqual(2, rig.Messages.Count);
        }

        [TestMethod]
        public void Poll_NothingArrives_ReturnsAfterItsTimeout()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();

            rig.Link.Poll(250);

            Assert.AreEqual(250L, rig.Clock.UptimeMs);
            Assert.AreEqual(0, rig.Messages.Count);
        }

        [TestMethod]
        public void Poll_NotConnected_SleepsItsTimeout()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();

            rig.Link.Poll(300);

            Assert.AreEqual(300L, rig.Clock.SleptMs);
        }

        [TestMethod]
        public void Poll_QuietLink_SendsPingAtThreeQuartersOfKeepAlive()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();

            rig.Link.Poll(44999);
            Assert.AreEqual("", rig.Line.WrittenHex());
            rig.Link.Poll(1);
            Assert.AreEqual("C0 00", rig.Line.WrittenHex());
            Assert.AreEqual(45000L, rig.Clock.UptimeMs);
        }

        [TestMethod]
        public void Poll_PingAnswered_StaysConnectedAndPingsAgainLater()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Line.AddReply(HexBytes.Parse("C0 00"), HexBytes.Parse("D0 00"), true);

            rig.Link.Poll(45000 + 45000);

            Assert.IsTrue(rig.Link.IsConnected);
            Assert.AreEqual("C0 00 C0 00", rig.Line.WrittenHex());
            Assert.AreEqual(0, rig.LostReasons.Count);
        }

        [TestMethod]
        public void Poll_OtherTrafficDelaysThePing()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Link.Poll(30000);
            rig.Link.Publish("t", null, 0, 0, 0);
            rig.Line.ClearWritten();

            rig.Link.Poll(44999);
            Assert.AreEqual("", rig.Line.WrittenHex());
            rig.Link.Poll(1);
            Assert.AreEqual("C0 00", rig.Line.WrittenHex());
        }

        [TestMethod]
        public void Poll_NoPingResp_LosesTheLinkAfterResponseTimeout()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Link.ResponseTimeoutMs = 5000;

            rig.Link.Poll(60000);

            Assert.IsFalse(rig.Link.IsConnected);
            Assert.AreEqual(1, rig.LostReasons.Count);
            Assert.IsTrue(((string)rig.LostReasons[0]).IndexOf("PINGRESP") >= 0);
            Assert.AreEqual(50000L, rig.Clock.UptimeMs);
            Assert.AreEqual(1, rig.Connector.CloseCount);
        }

        [TestMethod]
        public void Poll_KeepAliveZero_NeverPings()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();
            rig.Inbound("20 02 00 00");
            MqttConnectOptions options = StreamMqttLinkRig.Options();
            options.KeepAliveSeconds = 0;
            rig.Link.Connect(options);
            rig.Line.ClearWritten();

            rig.Link.Poll(1000000);

            Assert.AreEqual("", rig.Line.WrittenHex());
            Assert.IsTrue(rig.Link.IsConnected);
        }

        [TestMethod]
        public void Poll_PeerCloses_RaisesLostOnce()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Line.Close();

            rig.Link.Poll(100);
            rig.Link.Poll(100);

            Assert.AreEqual(1, rig.LostReasons.Count);
            Assert.IsFalse(rig.Link.IsConnected);
            Assert.AreEqual("connection closed by the peer", rig.Link.LastError);
        }

        [TestMethod]
        public void Poll_MalformedPacket_RaisesLostWithProtocolError()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Inbound("30 05 00 02 C3 28 78");

            rig.Link.Poll(100);

            Assert.AreEqual(1, rig.LostReasons.Count);
            Assert.IsTrue(((string)rig.LostReasons[0]).IndexOf("malformed UTF-8 at byte 4") >= 0, (string)rig.LostReasons[0]);
            Assert.AreEqual(0, rig.Messages.Count);
        }

        [TestMethod]
        public void Poll_OversizedQos1Message_IsAcknowledgedDroppedAndLogged()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            // 600 payload bytes against the rig's 512-byte maximum, then a normal message.
            rig.Line.Enqueue(HexBytes.Concat(HexBytes.Parse("32 DD 04 00 01 63 00 0B"), new byte[600]));
            rig.Inbound("30 04 00 01 63 7A");

            rig.Link.Poll(100);

            Assert.AreEqual("40 02 00 0B", rig.Line.WrittenHex());
            Assert.AreEqual(1, rig.Messages.Count);
            Assert.AreEqual("c=7A", rig.Message(0));
            Assert.IsTrue(rig.Link.IsConnected);
            Assert.IsTrue(rig.Log.Contains("dropped a 608-byte message on 'c'"), rig.Log.All());
        }

        [TestMethod]
        public void Poll_InboxFull_LeavesQos1MessageUnacknowledged()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Link.MaxQueuedMessages = 1;
            rig.Inbound("32 06 00 01 63 00 07 61 32 06 00 01 63 00 08 62 40 02 00 01");

            rig.Link.Publish("t", null, 0, 0, 1);
            rig.Link.Poll(0);

            Assert.AreEqual(1, rig.Messages.Count);
            Assert.AreEqual("c=61", rig.Message(0));
            Assert.AreEqual("32 05 00 01 74 00 01 40 02 00 07", rig.Line.WrittenHex());
            Assert.AreEqual(1, rig.Link.DroppedMessages);
            Assert.IsTrue(rig.Log.Contains("message on 'c' not taken"), rig.Log.All());
        }

        [TestMethod]
        public void Poll_InboxFullOfQos0_OldestDroppedCountedAndLogged()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            rig.Link.MaxQueuedMessages = 1;
            rig.Inbound("30 04 00 01 61 31 30 04 00 01 62 32");

            rig.Link.Poll(100);

            Assert.AreEqual(1, rig.Messages.Count);
            Assert.AreEqual("b=32", rig.Message(0));
            Assert.AreEqual(1, rig.Link.DroppedMessages);
            Assert.IsTrue(rig.Log.Contains("dropped the oldest message, on 'a'"), rig.Log.All());
        }

        [TestMethod]
        public void Disconnect_SendsDisconnectClosesAndRaisesNothing()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();

            rig.Link.Disconnect();
            rig.Link.Poll(0);

            Assert.AreEqual("E0 00", rig.Line.WrittenHex());
            Assert.IsFalse(rig.Link.IsConnected);
            Assert.AreEqual(1, rig.Connector.CloseCount);
            Assert.AreEqual(0, rig.LostReasons.Count);
        }

        [TestMethod]
        public void Disconnect_WhenNotConnected_DoesNothing()
        {
            StreamMqttLinkRig rig = new StreamMqttLinkRig();

            rig.Link.Disconnect();

            Assert.AreEqual(0, rig.Connector.CloseCount);
        }

        [TestMethod]
        public void Connect_Again_ClosesThePreviousStream()
        {
            StreamMqttLinkRig rig = StreamMqttLinkRig.Connected();
            ScriptedSerialLine second = new ScriptedSerialLine(rig.Clock);
            second.Enqueue(HexBytes.Parse("20 02 00 00"));
            rig.Connector.Add(second);

            LinkResult result = rig.Link.Connect(StreamMqttLinkRig.Options());

            Assert.AreEqual((int)LinkResult.Ok, (int)result);
            Assert.AreEqual(1, rig.Connector.CloseCount);
            Assert.AreSame(rig.Line, rig.Connector.LastClosed);
            Assert.AreEqual(StreamMqttLinkRig.ConnectHex, second.WrittenHex());
        }

        [TestMethod]
        public void PacketIdSequence_WrapsPast65535ToOne()
        {
            MqttPacketIdSequence ids = new MqttPacketIdSequence(65534);

            Assert.AreEqual(65535, ids.Next());
            Assert.AreEqual(1, ids.Next());
            Assert.AreEqual(2, ids.Next());
            Assert.AreEqual(1, new MqttPacketIdSequence().Next());
        }
    }
}
