using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace StmNode.IntegrationTests.Iotda
{
    /// <summary>
    /// A device played by MQTTnet's client. Credentials are computed here independently of the emulator, straight from
    /// protocols.md §1.2, so a mistake on either side shows up.
    /// </summary>
    public sealed class IotdaTestDevice : IAsyncDisposable
    {
        private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(5);
        private readonly IMqttClient _client;
        private readonly object _gate = new object();
        private readonly List<MqttApplicationMessage> _received = new List<MqttApplicationMessage>();
        private readonly TaskCompletionSource _disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _wasConnected;

        public IotdaTestDevice(string deviceId, string secret)
        {
            DeviceId = deviceId;
            Secret = secret;
            _client = new MqttClientFactory().CreateMqttClient();
            _client.ApplicationMessageReceivedAsync += OnMessageAsync;
            _client.DisconnectedAsync += args =>
            {
                if (args.ClientWasConnected)
                {
                    _disconnected.TrySetResult();
                }

                return Task.CompletedTask;
            };
        }

        public string DeviceId { get; }

        public string Secret { get; }

        public bool IsConnected => _client.IsConnected;

        public string Prefix => "$oc/devices/" + DeviceId + "/";

        /// <summary>Answers a downlink (topic, payload) with a (topic, payload) to publish, or null for no answer.</summary>
        public Func<string, string, (string Topic, string Payload)?> Responder { get; set; }

        public static string Timestamp(DateTimeOffset time) =>
            time.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

        /// <summary>hex(HMAC-SHA256(key = timestamp, message = secret)), lower case.</summary>
        public static string Password(string timestamp, string secret)
        {
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(timestamp));
            var mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(secret));
            var hex = new StringBuilder(64);
            foreach (var b in mac)
            {
                hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }

        public string ClientId(int signType, string timestamp) => $"{DeviceId}_0_{signType}_{timestamp}";

        /// <summary>Connects with correct credentials unless a part is overridden; returns the CONNACK result.</summary>
        public async Task<MqttClientConnectResultCode> ConnectAsync(
            int port,
            int keepAliveSeconds = 120,
            int signType = 0,
            DateTimeOffset? at = null,
            string clientId = null,
            string userName = null,
            string password = null,
            Action<MqttClientOptionsBuilder> tweak = null)
        {
            var timestamp = Timestamp(at ?? DateTimeOffset.UtcNow);
            var builder = new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", port)
                .WithProtocolVersion(MqttProtocolVersion.V311)
                .WithClientId(clientId ?? ClientId(signType, timestamp))
                .WithCredentials(userName ?? DeviceId, password ?? Password(timestamp, Secret))
                .WithKeepAlivePeriod(TimeSpan.FromSeconds(keepAliveSeconds))
                .WithCleanSession(true)
                .WithTimeout(ClientTimeout);
            tweak?.Invoke(builder);
            using var timeout = new CancellationTokenSource(ClientTimeout);
            var result = await _client.ConnectAsync(builder.Build(), timeout.Token);
            _wasConnected |= result.ResultCode == MqttClientConnectResultCode.Success;
            return result.ResultCode;
        }

        /// <summary>Subscribes to one filter ("sys/..." and "user/..." relative to the device tree).</summary>
        public async Task<MqttClientSubscribeResultCode> SubscribeAsync(
            string filter, MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce)
        {
            var options = new MqttClientSubscribeOptionsBuilder().WithTopicFilter(Full(filter), qos).Build();
            using var timeout = new CancellationTokenSource(ClientTimeout);
            var result = await _client.SubscribeAsync(options, timeout.Token);
            return result.Items.First().ResultCode;
        }

        /// <summary>Subscribes to the five system filters a node uses (protocols.md §1.8 step 1).</summary>
        public async Task SubscribeSystemTopicsAsync()
        {
            foreach (var filter in new[] { "sys/commands/#", "sys/properties/set/#", "sys/properties/get/#", "sys/events/down", "sys/messages/down" })
            {
                await SubscribeAsync(filter);
            }
        }

        public async Task PublishAsync(
            string topic, string payload, MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce, bool retain = false)
        {
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(Full(topic))
                .WithPayload(payload)
                .WithQualityOfServiceLevel(qos)
                .WithRetainFlag(retain)
                .Build();
            using var timeout = new CancellationTokenSource(ClientTimeout);
            await _client.PublishAsync(message, timeout.Token);
        }

        public async Task PingAsync()
        {
            using var timeout = new CancellationTokenSource(ClientTimeout);
            await _client.PingAsync(timeout.Token);
        }

        /// <summary>The first downlink (received so far or arriving) on a topic starting with the given suffix; null after the timeout.</summary>
        public async Task<MqttApplicationMessage> WaitForMessageAsync(string topicStart, TimeSpan timeout)
        {
            var full = Full(topicStart);
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                lock (_gate)
                {
                    var hit = _received.Find(m => m.Topic.StartsWith(full, StringComparison.Ordinal));
                    if (hit != null)
                    {
                        return hit;
                    }
                }

                if (DateTime.UtcNow >= deadline)
                {
                    return null;
                }

                await Task.Delay(10);
            }
        }

        /// <summary>True when the server closed (or the device left) the connection within the timeout.</summary>
        public async Task<bool> WaitForDisconnectAsync(TimeSpan timeout)
        {
            if (!_wasConnected)
            {
                return false;
            }

            try
            {
                await _disconnected.Task.WaitAsync(timeout);
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client.IsConnected)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(ClientTimeout);
                    await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token);
                }
                catch (Exception)
                {
                    // The server may have closed it meanwhile; nothing left to clean up.
                }
            }

            _client.Dispose();
        }

        /// <summary>"sys/..." and "user/..." are relative to the device's own tree; anything else is used as given.</summary>
        private string Full(string topic) =>
            topic.StartsWith("sys/", StringComparison.Ordinal) || topic.StartsWith("user/", StringComparison.Ordinal) ? Prefix + topic : topic;

        private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
        {
            var message = args.ApplicationMessage;
            lock (_gate)
            {
                _received.Add(message);
            }

            var answer = Responder?.Invoke(message.Topic, message.ConvertPayloadToString());
            if (answer.HasValue)
            {
                // Publish from another task: the receive handler must return for the PUBACK flow to continue.
                var (topic, payload) = answer.Value;
                _ = Task.Run(() => PublishAsync(topic, payload));
            }

            return Task.CompletedTask;
        }
    }
}
