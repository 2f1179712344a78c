using System;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace StmNode.Host.Iotda
{
    /// <summary>What the platform sends devices through the running broker: downlink messages and forced disconnects.</summary>
    internal sealed class IotdaDownlink
    {
        /// <summary>Sender id of the platform's own downlinks; no device can use it (it lacks the ClientId shape).</summary>
        public const string PlatformSenderId = "$iotda";

        private readonly IotdaRegistry _registry;

        public IotdaDownlink(IotdaRegistry registry)
        {
            _registry = registry;
        }

        /// <summary>The running broker; null while stopped.</summary>
        public MqttServer Server { get; set; }

        /// <summary>Publishes a platform downlink at QoS 1; false when the emulator is not running.</summary>
        public async Task<bool> PublishAsync(string topic, string payload, CancellationToken cancellationToken)
        {
            var server = Server;
            if (server == null)
            {
                return false;
            }

            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            try
            {
                await server.InjectApplicationMessage(
                    new InjectedMqttApplicationMessage(message) { SenderClientId = PlatformSenderId }, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (InvalidOperationException)
            {
                // Stopped between the check and the injection.
                return false;
            }
        }

        public async Task DropClientAsync(string clientId, MqttDisconnectReasonCode reason)
        {
            var server = Server;
            if (server == null)
            {
                return;
            }

            try
            {
                await server.DisconnectClientAsync(clientId, new MqttServerClientDisconnectOptions { ReasonCode = reason }).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            catch (Exception e)
            {
                _registry.Log($"dropping {clientId} failed: {e.Message}");
            }
        }
    }
}
