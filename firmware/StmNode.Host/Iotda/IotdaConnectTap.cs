using System;
using System.Threading.Tasks;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Server;

namespace StmNode.Host.Iotda
{
    /// <summary>
    /// MQTTnet's own TCP listener with every connection wrapped in a <see cref="IotdaConnectChannel"/>, so the CONNECT
    /// checks can see what <see cref="ValidatingConnectionEventArgs"/> does not expose (the will flag) through public API.
    /// </summary>
    internal sealed class IotdaConnectTap : IMqttServerAdapter
    {
        private readonly IMqttServerAdapter _listener;
        private Func<IMqttChannelAdapter, Task> _handler;

        public IotdaConnectTap(IMqttServerAdapter listener)
        {
            _listener = listener;
        }

        public Func<IMqttChannelAdapter, Task> ClientHandler
        {
            get => _handler;
            set
            {
                _handler = value;
                _listener.ClientHandler = value == null ? null : channel => value(new IotdaConnectChannel(channel));
            }
        }

        public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger) => _listener.StartAsync(options, logger);

        public Task StopAsync() => _listener.StopAsync();

        public void Dispose() => _listener.Dispose();
    }
}
