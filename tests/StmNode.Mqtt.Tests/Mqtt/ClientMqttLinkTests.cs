#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using System.Collections;
using StmNode.Mqtt;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Mqtt
{
    [TestClass]
    public class ClientMqttLinkTests
    {
        [TestMethod]
        public void Connect_Accepted_JoinsTheNetworkStartsAClientAndIsConnected()
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            ClientMqttLink link = new ClientMqttLink(client, new RecordingLog(), "wifi");

            LinkResult result = link.Connect(Options());

            Assert.AreEqual((int)LinkResult.Ok, (int)result, link.LastError);
            Assert.IsTrue(link.IsConnected);
            Assert.AreEqual("wifi", link.Kind);
            Assert.AreEqual("join", client.Call(0));
            Assert.AreEqual("connect node-1", client.Call(1));
            Assert.AreEqual(1, client.ClientsStarted);
        }

        [TestMethod]
        public void Connect_NetworkNotJoined_FailedWithItsReasonAndNoClient()
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            client.NetworkError = "Wi-Fi 'lab' not joined (status 3)";
            ClientMqttLink link = new ClientMqttLink(client, new RecordingLog(), "wifi");

            LinkResult result = link.Connect(Options());

            Assert.AreEqual((int)LinkResult.Failed, (int)result);
            Assert.AreEqual("Wi-Fi 'lab' not joined (status 3)", link.LastError);
            Assert.AreEqual(0, client.ClientsStarted);
            Assert.IsFalse(link.IsConnected);
        }

        [TestMethod]
        public void Connect_BrokerRefuses_RefusedWithTheCodeAndTheClientClosed()
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            client.ConnackCode = 5;
            ClientMqttLink link = new ClientMqttLink(client, new RecordingLog(), "wifi");

            LinkResult result = link.Connect(Options());

            Assert.AreEqual((int)LinkResult.Refused, (int)result);
            Assert.AreEqual("broker refused the connection (code 5)", link.LastError);
            Assert.AreEqual(1, client.ClientsClosed);
            Assert.IsFalse(link.IsConnected);
        }

        [TestMethod]
        public void Connect_ClientThrows_FailedNamingTheTypesAndTheClientClosed()
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            client.ConnectThrows = new Exception("socket error 10060 to secret-host", new ArgumentException("inner"));
            ClientMqttLink link = new ClientMqttLink(client, new RecordingLog(), "wifi");

            LinkResult result = link.Connect(Options());

            Assert.AreEqual((int)LinkResult.Failed, (int)result);
            Assert.AreEqual("connect failed: Exception (ArgumentException)", link.LastError);
            Assert.AreEqual(1, client.ClientsClosed);
            Assert.IsFalse(link.IsConnected);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void Connect_UnusableOptions_InvalidArgumentBeforeTheNetwork(int fault)
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            ClientMqttLink link = new ClientMqttLink(client, new RecordingLog(), "wifi");
            MqttConnectOptions options = Options();
            switch (fault)
            {
                case 0: options = null; break;
                case 1: options.Host = ""; break;
                case 2: options.ClientId = null; break;
                default: options.KeepAliveSeconds = 65536; break;
            }

            LinkResult result = link.Connect(options);

            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)result);
            Assert.AreEqual(0, client.CallCount);
        }

        [TestMethod]
        public void Connect_Again_ClosesThePreviousClientFirst()
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            ClientMqttLink link = new ClientMqttLink(client, new RecordingLog(), "wifi");
            link.Connect(Options());

            LinkResult result = link.Connect(Options());

            Assert.AreEqual((int)LinkResult.Ok, (int)result);
            Assert.AreEqual("disconnect", client.Call(2));
            Assert.AreEqual(2, client.ClientsStarted);
            Assert.AreEqual(1, client.ClientsClosed);
        }

        [TestMethod]
        public void Publish_Connected_HandsTheClientACopyOfThePayloadRange()
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            ClientMqttLink link = Connected(client);
            byte[] buffer = HexBytes.Utf8("xx{}yy");

            LinkResult result = link.Publish("up/report", buffer, 2, 2, 1);
            buffer[2] = 0x5B;

            Assert.AreEqual((int)LinkResult.Ok, (int)result);
            Assert.AreEqual("publish up/report 1 {}", client.Call(client.CallCount - 1));
        }

        [TestMethod]
        [DataRow("a/+", 0, 1, 0)]
        [DataRow("a", -1, 1, 0)]
        [DataRow("a", 0, 7, 0)]
        [DataRow("a", 0, 1, 2)]
        public void Publish_UnusableArguments_InvalidArgumentAndNothingHandedOn(string topic, int offset, int count, int qos)
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            ClientMqttLink link = Connected(client);
            int calls = client.CallCount;

            LinkResult result = link.Publish(topic, new byte[4], offset, count, qos);

            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)result);
            Assert.AreEqual(calls, client.CallCount);
        }

        [TestMethod]
        public void Operations_NotConnected_PublishRefusedSubscribeKeptForConnect()
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            ClientMqttLink link = new ClientMqttLink(client, new RecordingLog(), "wifi");

            Assert.AreEqual((int)LinkResult.NotConnected, (int)link.Publish("t", new byte[1], 0, 1, 0));
            Assert.AreEqual((int)LinkResult.Ok, (int)link.Subscribe("t", 1));
            Assert.AreEqual((int)LinkResult.InvalidArgument, (int)link.Subscribe("t/#/x", 1));
            Assert.AreEqual(0, client.CallCount);
        }

        [TestMethod]
        public void Connect_TwoKeptFiltersAcrossAReconnect_OneSubscribePerFilterPerSession()
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            ClientMqttLink link = new ClientMqttLink(client, new RecordingLog(), "wifi");
            link.Subscribe("a/#", 1);
            link.Subscribe("b", 0);

            LinkResult first = link.Connect(Options());
            LinkResult again = link.Subscribe("a/#", 1);
            int firstSession = client.CountCalls("subscribe");
            client.CloseByPeer("gone");
            link.Poll(10);
            LinkResult second = link.Connect(Options());

            Assert.AreEqual((int)LinkResult.Ok, (int)first);
            Assert.AreEqual((int)LinkResult.Ok, (int)again);
            Assert.AreEqual((int)LinkResult.Ok, (int)second);
            Assert.AreEqual(2, firstSession);
            Assert.AreEqual(2, client.CountCalls("subscribe a/# 1"));
            Assert.AreEqual(2, client.CountCalls("subscribe b 0"));
            Assert.AreEqual("subscribe b 0", client.Call(client.CallCount - 1));
        }

        [TestMethod]
        public void Connect_KeptFilterCannotBeHandedOn_FailsAndClosesTheClient()
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            ClientMqttLink link = new ClientMqttLink(client, new RecordingLog(), "wifi");
            link.Subscribe("a/#", 1);
            client.SubscribeThrows = new InvalidOperationException("not connected");

            LinkResult result = link.Connect(Options());

            Assert.AreEqual((int)LinkResult.Failed, (int)result);
            Assert.AreEqual("subscribe failed: InvalidOperationException", link.LastError);
            Assert.AreEqual(1, client.ClientsClosed);
            Assert.IsFalse(link.IsConnected);
        }

        [TestMethod]
        public void PublishAndSubscribe_ClientThrows_FailedNamingTheType()
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            ClientMqttLink link = Connected(client);
            client.PublishThrows = new InvalidOperationException("queue full");
            client.SubscribeThrows = new ArgumentException("bad");

            LinkResult published = link.Publish("t", new byte[1], 0, 1, 1);
            string publishError = link.LastError;
            LinkResult subscribed = link.Subscribe("s", 1);

            Assert.AreEqual((int)LinkResult.Failed, (int)published);
            Assert.AreEqual("publish failed: InvalidOperationException", publishError);
            Assert.AreEqual((int)LinkResult.Failed, (int)subscribed);
            Assert.AreEqual("subscribe failed: ArgumentException", link.LastError);
        }

        [TestMethod]
        public void Poll_MessagesFromTheClientThread_QueuedInOrderToBeTaken()
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            ClientMqttLink link = Connected(client);
            client.Receive("down/1", "a");
            client.Receive("down/2", "b");
            ArrayList taken = new ArrayList();

            link.Poll(100);
            TakenMessages.Into(link, taken, "=");

            Assert.AreEqual(2, taken.Count);
            Assert.AreEqual("down/1=a", (string)taken[0]);
            Assert.AreEqual("down/2=b", (string)taken[1]);
            Assert.AreEqual(0L, client.WaitedMs);
        }

        [TestMethod]
        public void Poll_QueueFull_OldestDroppedCountedAndLogged()
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            RecordingLog log = new RecordingLog();
            ClientMqttLink link = new ClientMqttLink(client, log, "wifi");
            link.Connect(Options());
            for (int i = 0; i < 17; i++)
            {
                client.Receive("down/" + i.ToString(), "x");
            }

            ArrayList taken = new ArrayList();
            TakenMessages.Into(link, taken, "=");

            Assert.AreEqual(16, taken.Count);
            Assert.AreEqual("down/1=x", (string)taken[0]);
            Assert.AreEqual(1, link.DroppedMessages);
            Assert.IsTrue(log.Contains("WARN wifi: receive queue full (16): dropped the oldest message, on 'down/0'"), log.All());
        }

        [TestMethod]
        public void Poll_NothingWaiting_WaitsOnTheClientForItsTimeout()
        {
            ManualClock clock = new ManualClock();
            FakeMqttClientPort client = new FakeMqttClientPort(clock);
            ClientMqttLink link = Connected(client);

            link.Poll(250);

            Assert.AreEqual(250L, client.WaitedMs);
            Assert.AreEqual(250L, clock.UptimeMs);
        }

        [TestMethod]
        public void Poll_ConnectionClosed_LostRaisedOnceAndTheClientClosed()
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            ClientMqttLink link = Connected(client);
            ArrayList lost = new ArrayList();
            link.Lost += delegate(string reason) { lost.Add(reason); };

            client.CloseByPeer("connection closed by the broker or the network");
            bool connectedBeforePoll = link.IsConnected;
            link.Poll(10);
            link.Poll(10);

            Assert.IsFalse(connectedBeforePoll);
            Assert.AreEqual(1, lost.Count);
            Assert.AreEqual("connection closed by the broker or the network", (string)lost[0]);
            Assert.AreEqual("connection closed by the broker or the network", link.LastError);
            Assert.AreEqual(1, client.ClientsClosed);
            Assert.AreEqual(10L, client.WaitedMs);
        }

        [TestMethod]
        public void Connect_AfterLoss_NewClientAndTheOldLossForgotten()
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            ClientMqttLink link = Connected(client);
            ArrayList lost = new ArrayList();
            link.Lost += delegate(string reason) { lost.Add(reason); };
            client.CloseByPeer("gone");

            LinkResult result = link.Connect(Options());
            link.Poll(10);

            Assert.AreEqual((int)LinkResult.Ok, (int)result);
            Assert.IsTrue(link.IsConnected);
            Assert.AreEqual(0, lost.Count);
            Assert.AreEqual(2, client.ClientsStarted);
        }

        [TestMethod]
        public void Disconnect_ClientThrows_NeverThrowsAndIsDisconnected()
        {
            FakeMqttClientPort client = new FakeMqttClientPort(new ManualClock());
            ClientMqttLink link = Connected(client);
            client.DisconnectThrows = new Exception("dead socket");

            link.Disconnect();
            link.Poll(0);

            Assert.IsFalse(link.IsConnected);
            Assert.AreEqual(1, client.ClientsClosed);
        }

        private static MqttConnectOptions Options()
        {
            MqttConnectOptions options = new MqttConnectOptions();
            options.Host = "broker.test";
            options.Port = 8883;
            options.UseTls = true;
            options.ClientId = "node-1";
            options.Username = "u";
            options.Password = "p";
            return options;
        }

        [TestMethod]
        public void Connect_TlsBeforeTheWallClockIsSet_FailsNamingSntpWithoutAClient()
        {
            ManualClock clock = new ManualClock();
            FakeMqttClientPort client = new FakeMqttClientPort(clock);
            ClientMqttLink link = new ClientMqttLink(client, new RecordingLog(), "wifi");
            link.WallClock = clock;
            MqttConnectOptions options = Options();
            options.UseTls = true;

            LinkResult result = link.Connect(options);

            Assert.AreEqual((int)LinkResult.Failed, (int)result);
            Assert.IsTrue(link.LastError.IndexOf("SNTP") >= 0, link.LastError);
            Assert.AreEqual(0, client.ClientsStarted);
        }

        [TestMethod]
        public void Connect_TlsOnceTheWallClockIsSet_Connects()
        {
            ManualClock clock = new ManualClock();
            clock.SetUtc(new DateTime(2026, 12, 2, 18, 0, 0));
            FakeMqttClientPort client = new FakeMqttClientPort(clock);
            ClientMqttLink link = new ClientMqttLink(client, new RecordingLog(), "wifi");
            link.WallClock = clock;
            MqttConnectOptions options = Options();
            options.UseTls = true;

            Assert.AreEqual((int)LinkResult.Ok, (int)link.Connect(options), link.LastError);
        }

        private static ClientMqttLink Connected(FakeMqttClientPort client)
        {
            ClientMqttLink link = new ClientMqttLink(client, new RecordingLog(), "wifi");
            LinkResult result = link.Connect(Options());
            if (result != LinkResult.Ok)
            {
                throw new InvalidOperationException("could not connect: " + link.LastError);
            }

            return link;
        }
    }
}
