#nullable enable
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace StmNode.IntegrationTests.Emulators
{
    /// <summary>A loopback TCP peer for transparent-mode tests: echoes what it gets, prefixed by "echo:"; can hang up.</summary>
    public sealed class EchoServer : IDisposable
    {
        private readonly TcpListener _listener;
        private TcpClient? _client;

        public EchoServer()
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            Task.Run(ServeAsync);
        }

        public int Port { get; }

        /// <summary>Closes the accepted connection (the modem should report the loss).</summary>
        public void HangUp() => _client?.Dispose();

        public void Dispose()
        {
            _client?.Dispose();
            _listener.Stop();
        }

        private async Task ServeAsync()
        {
            try
            {
                _client = await _listener.AcceptTcpClientAsync();
                NetworkStream stream = _client.GetStream();
                var buffer = new byte[1024];
                while (true)
                {
                    int n = await stream.ReadAsync(buffer);
                    if (n <= 0)
                    {
                        return;
                    }

                    byte[] reply = new byte[n + 5];
                    System.Text.Encoding.ASCII.GetBytes("echo:").CopyTo(reply, 0);
                    Array.Copy(buffer, 0, reply, 5, n);
                    await stream.WriteAsync(reply);
                }
            }
            catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException || ex is System.IO.IOException)
            {
                // The test hung up or ended.
            }
        }
    }
}
