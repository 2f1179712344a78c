#nullable enable
using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Channel;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// The real MQTT connection behind an emulated modem's MQTT client: a TCP socket opened first (QMTOPEN), then an
    /// MQTTnet client speaking MQTT over that very socket (QMTCONN). Every operation is bounded and reports a
    /// result code instead of throwing.
    /// </summary>
    internal sealed class BrokerSession
    {
        private readonly int _timeoutMs;
        private TcpClient? _tcp;
        private IMqttClient? _client;
        private volatile bool _closing;

        public BrokerSession(int timeoutMs)
        {
            _timeoutMs = timeoutMs;
        }

        /// <summary>A downlink PUBLISH: topic, payload, packet identifier (0 for QoS 0), QoS.</summary>
        public event Action<string, byte[], int, int>? MessageReceived;

        /// <summary>The broker link died without the modem asking for it.</summary>
        public event Action? Lost;

        /// <summary>Opens TCP. Returns 0 on success, 4 when the name does not resolve, -1 when the connect fails.</summary>
        public async Task<int> OpenAsync(string host, int port)
        {
            using var cts = new CancellationTokenSource(_timeoutMs);
            IPAddress[] addresses;
            try
            {
                addresses = IPAddress.TryParse(host, out IPAddress? literal)
                    ? new[] { literal }
                    : await Dns.GetHostAddressesAsync(host, cts.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException || ex is OperationCanceledException || ex is ArgumentException)
            {
                return 4;
            }

            if (addresses.Length == 0)
            {
                return 4;
            }

            var tcp = new TcpClient(addresses[0].AddressFamily);
            try
            {
                await tcp.ConnectAsync(addresses, port, cts.Token).ConfigureAwait(false);
                _tcp = tcp;
                return 0;
            }
            catch (Exception ex) when (ex is SocketException || ex is OperationCanceledException || ex is IOException)
            {
                tcp.Dispose();
                return -1;
            }
        }

        /// <summary>Sends CONNECT over the open socket. Returns the CONNACK return code (0–5), or -1 without CONNACK.</summary>
        public async Task<int> ConnectAsync(BrokerConnectRequest request)
        {
            TcpClient? tcp = _tcp;
            if (tcp == null || !tcp.Connected)
            {
                return -1;
            }

            var builder = new MqttClientOptionsBuilder()
                .WithEndPoint(tcp.Client.RemoteEndPoint!)
                .WithStreamProvider(new OpenedStreamProvider(tcp.GetStream()))
                .WithClientId(request.ClientId)
                .WithProtocolVersion(request.ProtocolVersion == 3 ? MqttProtocolVersion.V310 : MqttProtocolVersion.V311)
                .WithCleanSession(request.CleanSession)
                .WithTimeout(TimeSpan.FromMilliseconds(_timeoutMs));
            builder = request.KeepAliveSeconds == 0
                ? builder.WithNoKeepAlive()
                : builder.WithKeepAlivePeriod(TimeSpan.FromSeconds(request.KeepAliveSeconds));
            if (request.UserName != null)
            {
                builder = builder.WithCredentials(request.UserName, request.Password);
            }

            if (request.WillTopic != null)
            {
                builder = builder.WithWillTopic(request.WillTopic)
                    .WithWillPayload(request.WillMessage ?? string.Empty)
                    .WithWillQualityOfServiceLevel((MqttQualityOfServiceLevel)request.WillQos)
                    .WithWillRetain(request.WillRetain);
            }

            IMqttClient client = new MqttClientFactory().CreateMqttClient();
            client.ApplicationMessageReceivedAsync += e =>
            {
                MessageReceived?.Invoke(
                    e.ApplicationMessage.Topic,
                    e.ApplicationMessage.Payload.ToArray(),
                    e.PacketIdentifier,
                    (int)e.ApplicationMessage.QualityOfServiceLevel);
                return Task.CompletedTask;
            };
            client.DisconnectedAsync += e =>
            {
                if (e.ClientWasConnected && !_closing)
                {
                    Lost?.Invoke();
                }

                return Task.CompletedTask;
            };
            _client = client;
            try
            {
                using var cts = new CancellationTokenSource(_timeoutMs);
                MqttClientConnectResult result = await client.ConnectAsync(builder.Build(), cts.Token).ConfigureAwait(false);
                return ConnackCode(result.ResultCode);
            }
            catch (Exception ex) when (IsCommunicationFailure(ex))
            {
                return -1;
            }
        }

        /// <summary>Subscribes; returns the granted QoS per topic (128 = rejected), or null when no SUBACK came.</summary>
        public async Task<int[]?> SubscribeAsync(IReadOnlyList<KeyValuePair<string, int>> topics)
        {
            IMqttClient? client = _client;
            if (client == null || !client.IsConnected)
            {
                return null;
            }

            var builder = new MqttClientSubscribeOptionsBuilder();
            foreach (KeyValuePair<string, int> topic in topics)
            {
                builder = builder.WithTopicFilter(topic.Key, (MqttQualityOfServiceLevel)topic.Value);
            }

            try
            {
                using var cts = new CancellationTokenSource(_timeoutMs);
                MqttClientSubscribeResult result = await client.SubscribeAsync(builder.Build(), cts.Token).ConfigureAwait(false);
                var granted = new List<int>();
                foreach (MqttClientSubscribeResultItem item in result.Items)
                {
                    int code = (int)item.ResultCode;
                    granted.Add(code <= 2 ? code : 128);
                }

                return granted.ToArray();
            }
            catch (Exception ex) when (IsCommunicationFailure(ex))
            {
                return null;
            }
        }

        public async Task<bool> UnsubscribeAsync(IReadOnlyList<string> topics)
        {
            IMqttClient? client = _client;
            if (client == null || !client.IsConnected)
            {
                return false;
            }

            var builder = new MqttClientUnsubscribeOptionsBuilder();
            foreach (string topic in topics)
            {
                builder = builder.WithTopicFilter(topic);
            }

            try
            {
                using var cts = new CancellationTokenSource(_timeoutMs);
                await client.UnsubscribeAsync(builder.Build(), cts.Token).ConfigureAwait(false);
                return true;
            }
            catch (Exception ex) when (IsCommunicationFailure(ex))
            {
                return false;
            }
        }

        /// <summary>Publishes; true once sent (QoS 0) or acknowledged (QoS 1/2).</summary>
        public async Task<bool> PublishAsync(string topic, byte[] payload, int qos, bool retain)
        {
            IMqttClient? client = _client;
            if (client == null || !client.IsConnected)
            {
                return false;
            }

            MqttApplicationMessage message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos)
                .WithRetainFlag(retain)
                .Build();
            try
            {
                using var cts = new CancellationTokenSource(_timeoutMs);
                MqttClientPublishResult result = await client.PublishAsync(message, cts.Token).ConfigureAwait(false);
                return result.IsSuccess;
            }
            catch (Exception ex) when (IsCommunicationFailure(ex))
            {
                return false;
            }
        }

        /// <summary>Sends DISCONNECT and closes the socket; true when the session was connected.</summary>
        public async Task<bool> DisconnectAsync()
        {
            _closing = true;
            IMqttClient? client = _client;
            bool wasConnected = client?.IsConnected == true;
            if (client != null && wasConnected)
            {
                try
                {
                    using var cts = new CancellationTokenSource(_timeoutMs);
                    await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cts.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsCommunicationFailure(ex))
                {
                    wasConnected = false;
                }
            }

            Abort();
            return wasConnected;
        }

        /// <summary>Closes everything at once without DISCONNECT and without raising <see cref="Lost"/>.</summary>
        public void Abort()
        {
            _closing = true;
            _client?.Dispose();
            _client = null;
            _tcp?.Dispose();
            _tcp = null;
        }

        /// <summary>MQTT 3.1.1 CONNACK return code for MQTTnet's (5.0-style) result code.</summary>
        private static int ConnackCode(MqttClientConnectResultCode code)
        {
            switch (code)
            {
                case MqttClientConnectResultCode.Success: return 0;
                case MqttClientConnectResultCode.UnsupportedProtocolVersion: return 1;
                case MqttClientConnectResultCode.ClientIdentifierNotValid: return 2;
                case MqttClientConnectResultCode.ServerUnavailable: return 3;
                case MqttClientConnectResultCode.BadUserNameOrPassword: return 4;
                case MqttClientConnectResultCode.NotAuthorized: return 5;
                default: return 3;
            }
        }

        private static bool IsCommunicationFailure(Exception ex)
        {
            return ex is MQTTnet.Exceptions.MqttCommunicationException || ex is OperationCanceledException || ex is IOException
                || ex is SocketException || ex is ObjectDisposedException || ex is InvalidOperationException;
        }

        private sealed class OpenedStreamProvider : IMqttClientStreamProvider
        {
            private readonly Stream _stream;

            public OpenedStreamProvider(Stream stream)
            {
                _stream = stream;
            }

            public Task<Stream> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken) => Task.FromResult(_stream);
        }
    }
}
