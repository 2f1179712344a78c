using System;
using System.Buffers;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace StmNode.Host.Iotda
{
    /// <summary>
    /// What devices send, checked like the platform does: subscriptions only to their own topics, publishes at QoS 0/1
    /// without retain to their own topics, then stored by kind (property reports, messages, events) or handed on
    /// (responses to <see cref="IotdaRequests"/>, <c>$time_sync</c> to <see cref="IotdaTimeSync"/>). Nothing a device
    /// publishes is routed to another client.
    /// </summary>
    internal sealed class IotdaUplinks
    {
        private const int MaxPayloadBytes = 1024 * 1024;

        private readonly IotdaEmulatorOptions _options;
        private readonly IotdaRegistry _registry;
        private readonly IotdaRequests _requests;
        private readonly IotdaTimeSync _timeSync;

        public IotdaUplinks(IotdaEmulatorOptions options, IotdaRegistry registry, IotdaRequests requests, IotdaTimeSync timeSync)
        {
            _options = options;
            _registry = registry;
            _requests = requests;
            _timeSync = timeSync;
        }

        public event Action<IotdaPropertyReport> ReportReceived;

        public event Action<IotdaMessageUp> MessageReceived;

        public event Action<IotdaEventUp> EventReceived;

        /// <summary>Uplinks stored since start; read under the registry's gate.</summary>
        public long Reports { get; private set; }

        public long MessagesUp { get; private set; }

        public long EventsUp { get; private set; }

        public void Attach(MqttServer server)
        {
            server.InterceptingSubscriptionAsync += OnSubscriptionAsync;
            server.InterceptingPublishAsync += OnPublishAsync;
            server.ApplicationMessageNotConsumedAsync += OnNotConsumedAsync;
        }

        private Task OnSubscriptionAsync(InterceptingSubscriptionEventArgs args)
        {
            var filter = args.TopicFilter.Topic;
            var deviceId = IotdaClientId.TryParse(args.ClientId, out var id) ? id.DeviceId : null;
            if (deviceId == null || !IotdaTopics.IsOwnFilter(deviceId, filter))
            {
                RefuseSubscription(args, deviceId ?? args.ClientId, IotdaProblemKind.ForeignTopic, $"subscribe to \"{filter}\"");
            }
            else if (args.TopicFilter.QualityOfServiceLevel == MqttQualityOfServiceLevel.ExactlyOnce)
            {
                RefuseSubscription(args, deviceId, IotdaProblemKind.QosNotSupported, $"subscribe to \"{filter}\" with QoS 2");
            }

            return Task.CompletedTask;
        }

        private void RefuseSubscription(InterceptingSubscriptionEventArgs args, string who, IotdaProblemKind kind, string detail)
        {
            // An MQTT 3.1.1 SUBACK can only say "failure" (0x80) for the filter.
            args.ProcessSubscription = false;
            args.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            _registry.RecordProblem(who, kind, detail);
        }

        private async Task OnPublishAsync(InterceptingPublishEventArgs args)
        {
            if (args.ClientId == IotdaDownlink.PlatformSenderId)
            {
                return;
            }

            // Everything a device publishes is consumed by the platform, never routed to other clients.
            args.ProcessPublish = false;
            var message = args.ApplicationMessage;
            if (!IotdaClientId.TryParse(args.ClientId, out var id))
            {
                args.CloseConnection = true;
                return;
            }

            var deviceId = id.DeviceId;
            if (message.QualityOfServiceLevel == MqttQualityOfServiceLevel.ExactlyOnce)
            {
                args.CloseConnection = true;
                _registry.RecordProblem(deviceId, IotdaProblemKind.QosNotSupported, $"publish to \"{message.Topic}\" with QoS 2");
                return;
            }

            if (message.Retain)
            {
                args.CloseConnection = true;
                _registry.RecordProblem(deviceId, IotdaProblemKind.RetainNotSupported, $"retained publish to \"{message.Topic}\"");
                return;
            }

            var kind = IotdaTopics.Classify(deviceId, message.Topic, out var requestId);
            if (kind == IotdaUpTopicKind.Foreign)
            {
                args.CloseConnection = true;
                _registry.RecordProblem(deviceId, IotdaProblemKind.ForeignTopic, $"publish to \"{message.Topic}\"");
                return;
            }

            if (message.Payload.Length > MaxPayloadBytes)
            {
                _registry.RecordProblem(deviceId, IotdaProblemKind.PayloadTooLarge, $"{message.Payload.Length} bytes to \"{message.Topic}\"");
                return;
            }

            var receivedAt = _options.Clock.GetUtcNow();
            var payload = message.Payload.ToArray();
            switch (kind)
            {
                case IotdaUpTopicKind.PropertiesReport:
                    OnReport(deviceId, message.Topic, payload, receivedAt);
                    break;
                case IotdaUpTopicKind.MessageUp:
                    _registry.Store(deviceId, d => d.MessagesUp, d => { d.MessageUpCount++; MessagesUp++; },
                        new IotdaMessageUp(deviceId, receivedAt, message.Topic, payload), MessageReceived);
                    break;
                case IotdaUpTopicKind.EventUp:
                    await OnEventUpAsync(deviceId, payload, receivedAt).ConfigureAwait(false);
                    break;
                case IotdaUpTopicKind.CommandResponse:
                case IotdaUpTopicKind.PropertiesSetResponse:
                case IotdaUpTopicKind.PropertiesGetResponse:
                    _requests.OnResponse(deviceId, kind, requestId, message.Topic, payload);
                    break;
                default:
                    _registry.RecordProblem(deviceId, IotdaProblemKind.UnsupportedTopic, $"publish to \"{message.Topic}\" is not emulated");
                    break;
            }
        }

        private void OnReport(string deviceId, string topic, byte[] payload, DateTimeOffset receivedAt)
        {
            if (!IotdaJson.TryParseObject(payload, out var body, out var error)
                || !IotdaJson.TryReadServices(body, true, out var services, out error))
            {
                _registry.RecordProblem(deviceId, IotdaProblemKind.MalformedBody, $"properties report: {error}");
                return;
            }

            _registry.Store(deviceId, d => d.Reports, d => { d.ReportCount++; Reports++; },
                new IotdaPropertyReport(deviceId, receivedAt, topic, services, body), ReportReceived);
        }

        private async Task OnEventUpAsync(string deviceId, byte[] payload, DateTimeOffset receivedAt)
        {
            if (!IotdaJson.TryParseObject(payload, out var body, out var error)
                || !IotdaJson.TryReadServices(body, false, out _, out error))
            {
                _registry.RecordProblem(deviceId, IotdaProblemKind.MalformedBody, $"event up: {error}");
                return;
            }

            foreach (var service in body["services"].AsArray().OfType<JsonObject>())
            {
                IotdaJson.TryGetString(service, "service_id", out var serviceId);
                IotdaJson.TryGetString(service, "event_type", out var eventType);
                var paras = service["paras"] as JsonObject;
                _registry.Store(deviceId, d => d.EventsUp, d => { d.EventUpCount++; EventsUp++; },
                    new IotdaEventUp(deviceId, receivedAt, serviceId, eventType, paras), EventReceived);
                if (IotdaTimeSync.IsRequest(serviceId, eventType))
                {
                    await _timeSync.AnswerAsync(deviceId, paras, receivedAt).ConfigureAwait(false);
                }
            }
        }

        private Task OnNotConsumedAsync(ApplicationMessageNotConsumedEventArgs args)
        {
            // Only platform downlinks reach routing; one nobody consumed means the device had not subscribed.
            if (args.SenderId == IotdaDownlink.PlatformSenderId)
            {
                _registry.RecordProblem(DeviceIdOfTopic(args.ApplicationMessage.Topic), IotdaProblemKind.NotDelivered,
                    $"no subscription matched \"{args.ApplicationMessage.Topic}\"");
            }

            return Task.CompletedTask;
        }

        private static string DeviceIdOfTopic(string topic)
        {
            const string head = "$oc/devices/";
            if (topic == null || !topic.StartsWith(head, StringComparison.Ordinal))
            {
                return topic ?? "";
            }

            var end = topic.IndexOf('/', head.Length);
            return end < 0 ? topic.Substring(head.Length) : topic.Substring(head.Length, end - head.Length);
        }
    }
}
