using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace StmNode.Host.Iotda
{
    /// <summary>
    /// Platform requests that wait for the device's answer, like IoTDA's synchronous APIs: commands and property
    /// set / get, each matched to its response by request id and bounded by the platform's timeout.
    /// </summary>
    internal sealed class IotdaRequests
    {
        private readonly IotdaEmulatorOptions _options;
        private readonly IotdaRegistry _registry;
        private readonly IotdaDownlink _downlink;
        private readonly Dictionary<string, TaskCompletionSource<JsonObject>> _pending = new Dictionary<string, TaskCompletionSource<JsonObject>>(StringComparer.Ordinal);

        public IotdaRequests(IotdaEmulatorOptions options, IotdaRegistry registry, IotdaDownlink downlink)
        {
            _options = options;
            _registry = registry;
            _downlink = downlink;
        }

        /// <summary>Requests sent, answered and timed out since start; read under the registry's gate.</summary>
        public long Sent { get; private set; }

        public long Answered { get; private set; }

        public long TimedOut { get; private set; }

        public Task<IotdaRequestResult> SendCommandAsync(
            string deviceId, string serviceId, string commandName, JsonObject paras, CancellationToken cancellationToken)
        {
            var body = IotdaBodies.CommandRequest(deviceId, serviceId, commandName, paras);
            return RequestAsync(deviceId, IotdaUpTopicKind.CommandResponse, IotdaTopics.CommandRequest, body,
                IotdaRequestResult.CommandTimeoutErrorCode, "Command request timed out", cancellationToken);
        }

        public Task<IotdaRequestResult> SetPropertiesAsync(
            string deviceId, string serviceId, JsonObject properties, CancellationToken cancellationToken)
        {
            var body = IotdaBodies.PropertiesSetRequest(deviceId, serviceId, properties);

            // The platform's error code for a property timeout is not documented (protocols.md §1.5), so none is given.
            return RequestAsync(deviceId, IotdaUpTopicKind.PropertiesSetResponse, IotdaTopics.PropertiesSetRequest, body,
                null, "Property set request timed out", cancellationToken);
        }

        public Task<IotdaRequestResult> GetPropertiesAsync(string deviceId, string serviceId, CancellationToken cancellationToken)
        {
            var body = IotdaBodies.PropertiesGetRequest(deviceId, serviceId);
            return RequestAsync(deviceId, IotdaUpTopicKind.PropertiesGetResponse, IotdaTopics.PropertiesGetRequest, body,
                null, "Property get request timed out", cancellationToken);
        }

        /// <summary>A device's response: completes its pending request; a malformed or unexpected one is a problem.</summary>
        public void OnResponse(string deviceId, IotdaUpTopicKind kind, string requestId, string topic, byte[] payload)
        {
            // A malformed response leaves the request pending, so the caller sees the platform's timeout.
            if (!IotdaJson.TryParseObject(payload, out var body, out var error))
            {
                _registry.RecordProblem(deviceId, IotdaProblemKind.MalformedBody, $"response on \"{topic}\": {error}");
                return;
            }

            TaskCompletionSource<JsonObject> pending;
            lock (_registry.Gate)
            {
                if (_pending.TryGetValue(PendingKey(kind, deviceId, requestId), out pending))
                {
                    Answered++;
                }
            }

            if (pending == null)
            {
                _registry.RecordProblem(deviceId, IotdaProblemKind.UnexpectedResponse, $"no pending request for \"{topic}\"");
                return;
            }

            pending.TrySetResult(body);
        }

        /// <summary>Ends every pending request as "stopped".</summary>
        public void StopAll()
        {
            lock (_registry.Gate)
            {
                foreach (var pending in _pending.Values)
                {
                    pending.TrySetResult(null);
                }
            }
        }

        private async Task<IotdaRequestResult> RequestAsync(
            string deviceId, IotdaUpTopicKind responseKind, Func<string, string, string> topicOf, JsonObject body,
            string timeoutCode, string timeoutMessage, CancellationToken cancellationToken)
        {
            var requestId = Guid.NewGuid().ToString();
            var key = PendingKey(responseKind, deviceId, requestId);
            var response = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_registry.Gate)
            {
                if (!_registry.TryGetLocked(deviceId, out var device) || !device.IsOnline || _downlink.Server == null)
                {
                    return new IotdaRequestResult(requestId, IotdaRequestOutcome.DeviceOffline, null, null, "The device is not online");
                }

                _pending.Add(key, response);
                Sent++;
            }

            try
            {
                var topic = topicOf(deviceId, requestId);
                _registry.Log($"{deviceId}: request {topic}");
                if (!await _downlink.PublishAsync(topic, body.ToJsonString(), cancellationToken).ConfigureAwait(false))
                {
                    return new IotdaRequestResult(requestId, IotdaRequestOutcome.Stopped, null, null, "The emulator is stopped");
                }

                var answer = await response.Task.WaitAsync(_options.RequestTimeout, cancellationToken).ConfigureAwait(false);
                return answer == null
                    ? new IotdaRequestResult(requestId, IotdaRequestOutcome.Stopped, null, null, "The emulator is stopped")
                    : new IotdaRequestResult(requestId, IotdaRequestOutcome.Answered, answer, null, null);
            }
            catch (TimeoutException)
            {
                lock (_registry.Gate)
                {
                    TimedOut++;
                }

                _registry.Log($"{deviceId}: request {requestId} timed out after {_options.RequestTimeout.TotalSeconds:0.###} s");
                return new IotdaRequestResult(requestId, IotdaRequestOutcome.TimedOut, null, timeoutCode, timeoutMessage);
            }
            finally
            {
                lock (_registry.Gate)
                {
                    _pending.Remove(key);
                }
            }
        }

        private static string PendingKey(IotdaUpTopicKind kind, string deviceId, string requestId) =>
            ((int)kind).ToString(CultureInfo.InvariantCulture) + "|" + deviceId + "|" + requestId;
    }
}
