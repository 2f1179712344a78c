using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet.Protocol;
using MQTTnet.Server;
using StmNode.Host.Adapters;
using StmNode.Mqtt;
using StmNode.IntegrationTests.Support;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Mqtt
{
    /// <summary>Core's MQTT client over a real loopback socket against an in-process MQTTnet broker.</summary>
    [TestClass]
    public class StreamMqttLinkBrokerTests
    {
        private const string User = "node-user";
        private const string Password = "node-secret";

        [TestMethod]
        [Timeout(30000, CooperativeCancellation = true)]
        public async Task Session_ConnectSubscribePublishEchoPingDisconnect_AllWork()
        {
            int port = FreeLoopbackPort();
            await using Broker broker = await Broker.StartAsync(port);
            TappedConnector connector = new TappedConnector(new TcpStreamConnector());
            StreamMqttLink link = new StreamMqttLink(connector, new StopwatchClock(), new ListLog(), "tcp", 4096);
            link.ResponseTimeoutMs = 5000;
            List<string> received = new List<string>();

            Assert.AreEqual(LinkResult.Ok, link.Connect(Options(port, Password, keepAliveSeconds: 1)), link.LastError);
            Assert.AreEqual(LinkResult.Ok, link.Subscribe("stmnode/it/#", 1), link.LastError);
            byte[] payload = Encoding.UTF8.GetBytes("{\"temperature\":23.5}");
            Assert.AreEqual(LinkResult.Ok, link.Publish("stmnode/it/report", payload, 0, payload.Length, 1), link.LastError);

            // The broker echoes our own message (we subscribed to it); keep-alive 1 s pings at 750 ms meanwhile.
            Stopwatch waited = Stopwatch.StartNew();
            while ((received.Count == 0 || connector.Line.PingResponses == 0) && waited.ElapsedMilliseconds < 10000)
            {
                link.Poll(100);
                link.TakeInto(received);
            }

            CollectionAssert.AreEqual(new[] { "stmnode/it/report={\"temperature\":23.5}" }, received);
            Assert.IsTrue(connector.Line.PingRequests >= 1, "no PINGREQ sent");
            Assert.IsTrue(connector.Line.PingResponses >= 1, "no PINGRESP read");
            Assert.IsTrue(link.IsConnected, link.LastError);
            Assert.AreEqual(1, broker.ConnectedClients);

            link.Disconnect();

            Assert.IsFalse(link.IsConnected);
            Assert.IsTrue(await broker.WaitForDisconnectAsync(TimeSpan.FromSeconds(5)), "broker did not see the DISCONNECT");
            Assert.IsTrue(broker.CleanDisconnect, "disconnect was not a clean DISCONNECT");
        }

        [TestMethod]
        [Timeout(30000, CooperativeCancellation = true)]
        public async Task Connect_WrongPassword_IsRefusedWithBadCredentials()
        {
            int port = FreeLoopbackPort();
            await using Broker broker = await Broker.StartAsync(port);
            StreamMqttLink link = new StreamMqttLink(new TcpStreamConnector(), new StopwatchClock(), new ListLog(), "tcp", 4096);
            link.ResponseTimeoutMs = 5000;

            LinkResult result = link.Connect(Options(port, "wrong", keepAliveSeconds: 60));

            Assert.AreEqual(LinkResult.Refused, result);
            StringAssert.Contains(link.LastError, "bad user name or password");
            Assert.IsFalse(link.IsConnected);
        }

        [TestMethod]
        [Timeout(30000, CooperativeCancellation = true)]
        public void Connect_NothingListening_FailsWithConnectorError()
        {
            int port = FreeLoopbackPort();
            StreamMqttLink link = new StreamMqttLink(new TcpStreamConnector(), new StopwatchClock(), new ListLog(), "tcp", 4096);

            LinkResult result = link.Connect(Options(port, Password, keepAliveSeconds: 60));

            Assert.AreEqual(LinkResult.Failed, result);
            StringAssert.Contains(link.LastError, "127.0.0.1:" + port);
        }

        private static MqttConnectOptions Options(int port, string password, int keepAliveSeconds)
        {
            return new MqttConnectOptions
            {
                Host = "127.0.0.1",
                Port = port,
                ClientId = "stmnode-it-" + port,
                Username = User,
                Password = password,
                KeepAliveSeconds = keepAliveSeconds,
            };
        }

        private static int FreeLoopbackPort()
        {
            TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        /// <summary>MQTTnet broker on 127.0.0.1 that accepts only <see cref="User"/>/<see cref="Password"/>.</summary>
        private sealed class Broker : IAsyncDisposable
        {
            private readonly MqttServer _server;
            private readonly TaskCompletionSource<bool> _disconnected = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            private int _connected;

            private Broker(MqttServer server)
            {
                _server = server;
            }

            public int ConnectedClients => _connected;

            public bool CleanDisconnect { get; private set; }

            public static async Task<Broker> StartAsync(int port)
            {
                MqttServerOptions options = new MqttServerOptionsBuilder()
                    .WithDefaultEndpoint()
                    .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                    .WithDefaultEndpointPort(port)
                    .Build();
                Broker broker = new Broker(new MqttServerFactory().CreateMqttServer(options));
                broker._server.ValidatingConnectionAsync += e =>
                {
                    if (e.UserName != User || e.Password != Password)
                    {
                        e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
                    }

                    return Task.CompletedTask;
                };
                broker._server.ClientConnectedAsync += e =>
                {
                    broker._connected++;
                    return Task.CompletedTask;
                };
                broker._server.ClientDisconnectedAsync += e =>
                {
                    broker.CleanDisconnect = e.DisconnectType == MqttClientDisconnectType.Clean;
                    broker._disconnected.TrySetResult(true);
                    return Task.CompletedTask;
                };
                await broker._server.StartAsync();
                return broker;
            }

            public async Task<bool> WaitForDisconnectAsync(TimeSpan timeout)
            {
                return await Task.WhenAny(_disconnected.Task, Task.Delay(timeout)) == _disconnected.Task;
            }

            public async ValueTask DisposeAsync()
            {
                await _server.StopAsync();
                _server.Dispose();
            }
        }

        private sealed class ListLog : ILog
        {
            public List<string> Lines { get; } = new List<string>();

            public bool IsEnabled(LogLevel level) => true;

            public void Write(LogLevel level, string source, string message) => Lines.Add(source + ": " + message);
        }

        /// <summary>Wraps the real connector to count keep-alive packets on the wire.</summary>
        private sealed class TappedConnector : IStreamConnector
        {
            private readonly IStreamConnector _inner;

            public TappedConnector(IStreamConnector inner)
            {
                _inner = inner;
            }

            public TappedLine Line { get; private set; }

            public string LastError => _inner.LastError;

            public IByteStream Open(string host, int port, bool useTls, int timeoutMs)
            {
                IByteStream line = _inner.Open(host, port, useTls, timeoutMs);
                Line = line == null ? null : new TappedLine(line);
                return Line;
            }

            public void Close(IByteStream stream)
            {
                _inner.Close(((TappedLine)stream).Inner);
            }
        }

        private sealed class TappedLine : IByteStream
        {
            public TappedLine(IByteStream inner)
            {
                Inner = inner;
            }

            public IByteStream Inner { get; }

            public int PingRequests { get; private set; }

            public int PingResponses { get; private set; }

            public int Read(byte[] buffer, int offset, int count, int timeoutMs)
            {
                int n = Inner.Read(buffer, offset, count, timeoutMs);
                // PINGRESP is the only server packet starting D0; it may share a read with other bytes.
                for (int i = 0; i + 1 < n; i++)
                {
                    if (buffer[offset + i] == 0xD0 && buffer[offset + i + 1] == 0x00)
                    {
                        PingResponses++;
                    }
                }

                return n;
            }

            public bool Write(byte[] buffer, int offset, int count)
            {
                if (count == 2 && buffer[offset] == 0xC0 && buffer[offset + 1] == 0x00)
                {
                    PingRequests++;
                }

                return Inner.Write(buffer, offset, count);
            }
        }
    }
}
