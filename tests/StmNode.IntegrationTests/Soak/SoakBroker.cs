#nullable enable
using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using StmNode.IntegrationTests.Emulators;

namespace StmNode.IntegrationTests.Soak
{
    /// <summary>
    /// A loopback MQTTnet broker on a fixed port that can be restarted (every session dropped), counting what the
    /// device delivered: report sequence numbers and command responses per request id. A cloud client sends commands.
    /// </summary>
    public sealed class SoakBroker : IAsyncDisposable
    {
        public const string ReportTopic = "soak/report";
        public const string CommandFilter = "soak/down/#";
        public const string CommandPrefix = "soak/down/request_id=";
        public const string ResponsePrefix = "soak/up/response/request_id=";

        private readonly MqttServer _server;
        private IMqttClient? _cloud;

        public SoakBroker()
        {
            Port = TestBroker.FreePort();
            _server = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                .WithDefaultEndpointPort(Port)
                .Build());
            _server.InterceptingPublishAsync += e =>
            {
                string topic = e.ApplicationMessage.Topic;
                if (topic == ReportTopic)
                {
                    string text = System.Text.Encoding.ASCII.GetString(e.ApplicationMessage.Payload.ToArray());
                    if (int.TryParse(text.AsSpan(text.IndexOf(':') + 1, text.Length - text.IndexOf(':') - 2), out int seq))
                    {
                        Reports.AddOrUpdate(seq, 1, (_, n) => n + 1);
                    }
                }
                else if (topic.StartsWith(ResponsePrefix, StringComparison.Ordinal))
                {
                    Responses.AddOrUpdate(topic.Substring(ResponsePrefix.Length), 1, (_, n) => n + 1);
                }

                return Task.CompletedTask;
            };
        }

        public int Port { get; }

        /// <summary>Report sequence number → copies received.</summary>
        public ConcurrentDictionary<int, int> Reports { get; } = new ConcurrentDictionary<int, int>();

        /// <summary>Request id → responses received.</summary>
        public ConcurrentDictionary<string, int> Responses { get; } = new ConcurrentDictionary<string, int>();

        public int Restarts { get; private set; }

        public Task StartAsync() => _server.StartAsync();

        /// <summary>Stops and starts the broker: every session is gone, as after a broker deployment.</summary>
        public async Task RestartAsync()
        {
            await DropCloudAsync();
            await _server.StopAsync(new MqttServerStopOptions());
            await _server.StartAsync();
            Restarts++;
        }

        /// <summary>Sends one command as the platform would (QoS 1); false when the cloud client could not.</summary>
        public async Task<bool> SendCommandAsync(string requestId)
        {
            try
            {
                using CancellationTokenSource cts = new CancellationTokenSource(3000);
                if (_cloud == null || !_cloud.IsConnected)
                {
                    await DropCloudAsync();
                    _cloud = new MqttClientFactory().CreateMqttClient();
                    await _cloud.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Port).WithClientId("soak-cloud").Build(), cts.Token);
                }

                await _cloud.PublishAsync(new MqttApplicationMessageBuilder()
                    .WithTopic(CommandPrefix + requestId)
                    .WithPayload("{\"command_name\":\"led\",\"paras\":{\"led1\":\"ON\"}}")
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build(), cts.Token);
                return true;
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException || e is OperationCanceledException || e is InvalidOperationException)
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await DropCloudAsync();
            if (_server.IsStarted)
            {
                await _server.StopAsync(new MqttServerStopOptions());
            }

            _server.Dispose();
        }

        private async Task DropCloudAsync()
        {
            if (_cloud != null)
            {
                try
                {
                    if (_cloud.IsConnected)
                    {
                        await _cloud.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
                    }
                }
                catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException || e is OperationCanceledException || e is InvalidOperationException)
                {
                    // The broker went away first: nothing to close politely.
                }

                _cloud.Dispose();
                _cloud = null;
            }
        }
    }
}
