#nullable enable
using System;
using System.IO;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace StmNode.Host.Emulators
{
    /// <summary>The TCP connection behind a transparent (data mode) session; failures are return values.</summary>
    internal sealed class TransparentLink
    {
        private readonly TcpClient _client;
        private readonly NetworkStream _stream;

        public TransparentLink(TcpClient client)
        {
            _client = client;
            _stream = client.GetStream();
        }

        public bool Send(byte[] data)
        {
            try
            {
                _stream.Write(data, 0, data.Length);
                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is ObjectDisposedException || ex is SocketException)
            {
                return false;
            }
        }

        /// <summary>Reads peer data; 0 when the peer closed or the link failed.</summary>
        public async Task<int> ReceiveAsync(byte[] buffer)
        {
            try
            {
                return await _stream.ReadAsync(buffer.AsMemory()).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException || ex is ObjectDisposedException || ex is SocketException)
            {
                return 0;
            }
        }

        public void Close()
        {
            _client.Dispose();
        }
    }
}
