using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace StmNode.Host.Iotda
{
    /// <summary>One device connection as MQTTnet sees it, remembering whether its CONNECT carried a will.</summary>
    internal sealed class IotdaConnectChannel : IMqttChannelAdapter
    {
        private readonly IMqttChannelAdapter _channel;

        public IotdaConnectChannel(IMqttChannelAdapter channel)
        {
            _channel = channel;
        }

        /// <summary>True when the CONNECT packet had its will flag set (IoTDA refuses wills).</summary>
        public bool HasWill { get; private set; }

        public long BytesReceived => _channel.BytesReceived;

        public long BytesSent => _channel.BytesSent;

        public X509Certificate2 ClientCertificate => _channel.ClientCertificate;

        public EndPoint RemoteEndPoint => _channel.RemoteEndPoint;

        public EndPoint LocalEndPoint => _channel.LocalEndPoint;

        public bool IsSecureConnection => _channel.IsSecureConnection;

        public MqttPacketFormatterAdapter PacketFormatterAdapter => _channel.PacketFormatterAdapter;

        public Task ConnectAsync(CancellationToken cancellationToken) => _channel.ConnectAsync(cancellationToken);

        public Task DisconnectAsync(CancellationToken cancellationToken) => _channel.DisconnectAsync(cancellationToken);

        public async Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
        {
            var packet = await _channel.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
            if (packet is MqttConnectPacket connect)
            {
                HasWill = connect.WillFlag;
            }

            return packet;
        }

        public void ResetStatistics() => _channel.ResetStatistics();

        public Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken) => _channel.SendPacketAsync(packet, cancellationToken);

        public void Dispose() => _channel.Dispose();
    }
}
