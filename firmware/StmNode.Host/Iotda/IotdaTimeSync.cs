using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace StmNode.Host.Iotda
{
    /// <summary>The platform's answer to a device's <c>$time_sync</c> request event (protocols.md §1).</summary>
    internal sealed class IotdaTimeSync
    {
        private readonly IotdaEmulatorOptions _options;
        private readonly IotdaRegistry _registry;
        private readonly IotdaDownlink _downlink;

        public IotdaTimeSync(IotdaEmulatorOptions options, IotdaRegistry registry, IotdaDownlink downlink)
        {
            _options = options;
            _registry = registry;
            _downlink = downlink;
        }

        /// <summary>Answers sent since start; read under the registry's gate.</summary>
        public long Answers { get; private set; }

        public static bool IsRequest(string serviceId, string eventType) => serviceId == "$time_sync" && eventType == "time_sync_request";

        public async Task AnswerAsync(string deviceId, JsonObject paras, DateTimeOffset receivedAt)
        {
            if (!IotdaJson.TryGetInt64(paras, "device_send_time", out var deviceSendTime))
            {
                _registry.RecordProblem(deviceId, IotdaProblemKind.MalformedBody, "time sync request without an integer \"device_send_time\"");
                return;
            }

            var body = IotdaBodies.TimeSyncResponse(deviceId, deviceSendTime, receivedAt, _options.Clock.GetUtcNow());
            if (await _downlink.PublishAsync(IotdaTopics.EventsDown(deviceId), body.ToJsonString(), CancellationToken.None).ConfigureAwait(false))
            {
                lock (_registry.Gate)
                {
                    Answers++;
                }
            }
        }
    }
}
