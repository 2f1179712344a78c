using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using StmNode.Ports;

namespace StmNode.Host.Adapters
{
    /// <summary>
    /// <see cref="IStreamConnector"/> for the PC: a TCP connection, optionally TLS (SslStream, system trust store
    /// unless <see cref="CertificateValidation"/> says otherwise). Connect and TLS handshake share one bounded wait.
    /// </summary>
    public sealed class TcpStreamConnector : IStreamConnector
    {
        /// <summary>Longest time a single write may block (a dead peer with full buffers).</summary>
        public int WriteTimeoutMs { get; set; } = 10000;

        /// <summary>Replaces the system certificate check for TLS (e.g. to pin a private CA); null uses the system store.</summary>
        public RemoteCertificateValidationCallback CertificateValidation { get; set; }

        public string LastError { get; private set; }

        public IByteStream Open(string host, int port, bool useTls, int timeoutMs)
        {
            string endpoint = host + ":" + port;
            TcpClient client = new TcpClient();
            Stream stream = null;
            string step = "connect to ";
            try
            {
                using CancellationTokenSource timeout = new CancellationTokenSource(Math.Max(1, timeoutMs));
                client.ConnectAsync(host, port, timeout.Token).AsTask().GetAwaiter().GetResult();
                client.NoDelay = true;
                client.SendTimeout = WriteTimeoutMs;
                stream = client.GetStream();
                if (useTls)
                {
                    step = "TLS handshake with ";
                    SslStream tls = new SslStream(stream, false);
                    stream = tls;
                    SslClientAuthenticationOptions options = new SslClientAuthenticationOptions
                    {
                        TargetHost = host,
                        RemoteCertificateValidationCallback = CertificateValidation,
                    };
                    tls.AuthenticateAsClientAsync(options, timeout.Token).GetAwaiter().GetResult();
                }

                LastError = null;
                return new TcpByteStream(client, stream);
            }
            catch (OperationCanceledException)
            {
                LastError = step + endpoint + " timed out after " + timeoutMs + " ms";
            }
            catch (SocketException e)
            {
                LastError = step + endpoint + " failed: " + e.SocketErrorCode;
            }
            catch (Exception e) when (e is AuthenticationException || e is IOException || e is ArgumentException)
            {
                LastError = step + endpoint + " failed: " + e.Message;
            }

            stream?.Dispose();
            client.Dispose();
            return null;
        }

        public void Close(IByteStream stream)
        {
            (stream as TcpByteStream)?.Dispose();
        }
    }
}
