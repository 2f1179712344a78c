#nullable enable
using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace StmNode.IntegrationTests.Emulators
{
    /// <summary>An in-process MQTTnet broker on a free loopback port; user "bad" is refused (CONNACK 4).</summary>
    public sealed class TestBroker : IAsyncDisposable
    {
        private readonly MqttServer _server;

        private TestBroker(MqttServer server, int port)
        {
            _server = server;
            Port = port;
        }

        public int Port { get; }

        /// <summary>Every PUBLISH the broker accepted from a client: topic, payload, QoS, retain, sender.</summary>
        public BlockingCollection<ReceivedPublish> Published { get; } = new BlockingCollection<ReceivedPublish>();

        public BlockingCollection<string> Disconnected { get; } = new BlockingCollection<string>();

        public static async Task<TestBroker> StartAsync()
        {
            int port = FreePort();
            MqttServer server = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                .WithDefaultEndpointPort(port)
                .Build());
            var broker = new TestBroker(server, port);
            server.ValidatingConnectionAsync += e =>
            {
                if (e.UserName == "bad")
                {
                    e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
                }

                return Task.CompletedTask;
            };
            server.InterceptingPublishAsync += e =>
            {
                broker.Published.Add(new ReceivedPublish(
                    e.ApplicationMessage.Topic,
                    e.ApplicationMessage.Payload.ToArray(),
                    (int)e.ApplicationMessage.QualityOfServiceLevel,
                    e.ApplicationMessage.Retain,
                    e.ClientId));
                return Task.CompletedTask;
            };
            server.ClientDisconnectedAsync += e =>
            {
                broker.Disconnected.Add(e.ClientId);
                return Task.CompletedTask;
            };
            await server.StartAsync();
            return broker;
        }

        /// <summary>Publishes from a separate MQTTnet client, as a cloud application would.</summary>
        public async Task PublishFromOtherClientAsync(string topic, byte[] payload, int qos = 1)
        {
            using IMqttClient client = new MqttClientFactory().CreateMqttClient();
            using var cts = new CancellationTokenSource(5000);
            await client.ConnectAsync(new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", Port)
                .WithClientId("cloud-" + Guid.NewGuid().ToString("N"))
                .Build(), cts.Token);
            await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos)
                .Build(), cts.Token);
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cts.Token);
        }

        /// <summary>Takes the next PUBLISH from a client other than the test's own publishers, or null after the timeout.</summary>
        public ReceivedPublish? NextPublish(int timeoutMs = 3000)
        {
            long deadline = Environment.TickCount64 + timeoutMs;
            while (true)
            {
                int remaining = (int)Math.Max(0, deadline - Environment.TickCount64);
                if (!Published.TryTake(out ReceivedPublish? message, remaining))
                {
                    return null;
                }

                if (!message.ClientId.StartsWith("cloud-", StringComparison.Ordinal))
                {
                    return message;
                }
            }
        }

        /// <summary>Waits for a client other than the test's own publishers to disconnect; returns its id or null.</summary>
        public string? NextDisconnect(int timeoutMs = 3000)
        {
            long deadline = Environment.TickCount64 + timeoutMs;
            while (Disconnected.TryTake(out string? clientId, (int)Math.Max(0, deadline - Environment.TickCount64)))
            {
                if (!clientId.StartsWith("cloud-", StringComparison.Ordinal))
                {
                    return clientId;
                }
            }

            return null;
        }

        public Task StopAsync() => _server.StopAsync(new MqttServerStopOptions());

        public async ValueTask DisposeAsync()
        {
            if (_server.IsStarted)
            {
                await StopAsync();
            }

            _server.Dispose();
        }

        public static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
