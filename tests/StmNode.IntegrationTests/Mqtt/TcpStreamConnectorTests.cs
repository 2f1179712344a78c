using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet.Server;
using StmNode.Host.Adapters;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Mqtt
{
    /// <summary>The PC stream adapter on loopback: bounded reads, close detection, refused connects and TLS.</summary>
    [TestClass]
    public class TcpStreamConnectorTests
    {
        [TestMethod]
        [Timeout(20000, CooperativeCancellation = true)]
        public async Task Read_HonoursTimeoutDeliversDataAndReportsClose()
        {
            TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            TcpStreamConnector connector = new TcpStreamConnector();
            try
            {
                IByteStream line = connector.Open("127.0.0.1", port, false, 5000);
                Assert.IsNotNull(line, connector.LastError);
                using TcpClient peer = await listener.AcceptTcpClientAsync();
                byte[] buffer = new byte[16];

                Stopwatch watch = Stopwatch.StartNew();
                Assert.AreEqual(0, line.Read(buffer, 0, buffer.Length, 200));
                Assert.IsTrue(watch.ElapsedMilliseconds >= 150, "returned after " + watch.ElapsedMilliseconds + " ms");
                Assert.IsTrue(watch.ElapsedMilliseconds < 3000, "returned after " + watch.ElapsedMilliseconds + " ms");

                Assert.IsTrue(line.Write(Encoding.ASCII.GetBytes("ping"), 0, 4));
                byte[] got = new byte[4];
                int received = 0;
                while (received < 4)
                {
                    received += await peer.GetStream().ReadAsync(got.AsMemory(received));
                }

                Assert.AreEqual("ping", Encoding.ASCII.GetString(got));
                await peer.GetStream().WriteAsync(Encoding.ASCII.GetBytes("pong"));
                Assert.AreEqual(2, line.Read(buffer, 0, 2, 5000));
                Assert.AreEqual(2, line.Read(buffer, 2, 14, 5000));
                Assert.AreEqual("pong", Encoding.ASCII.GetString(buffer, 0, 4));

                peer.Close();
                Assert.AreEqual(-1, line.Read(buffer, 0, buffer.Length, 5000));
                Assert.AreEqual(-1, line.Read(buffer, 0, buffer.Length, 5000));
                connector.Close(line);
                Assert.IsFalse(line.Write(buffer, 0, 1));
            }
            finally
            {
                listener.Stop();
            }
        }

        [TestMethod]
        [Timeout(20000, CooperativeCancellation = true)]
        public void Open_NothingListening_ReturnsNullWithError()
        {
            TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            TcpStreamConnector connector = new TcpStreamConnector();

            IByteStream line = connector.Open("127.0.0.1", port, false, 5000);

            Assert.IsNull(line);
            StringAssert.Contains(connector.LastError, "127.0.0.1:" + port);
        }

        [TestMethod]
        [Timeout(30000, CooperativeCancellation = true)]
        public async Task OpenTls_TrustedBySelfSignedPin_SpeaksMqttOverTls()
        {
            using X509Certificate2 certificate = SelfSigned();
            int port = FreePort();
            MqttServerOptions options = new MqttServerOptionsBuilder()
                .WithoutDefaultEndpoint()
                .WithEncryptedEndpoint()
                .WithEncryptedEndpointBoundIPAddress(IPAddress.Loopback)
                .WithEncryptedEndpointPort(port)
                .WithEncryptionCertificate(certificate)
                .Build();
            using MqttServer server = new MqttServerFactory().CreateMqttServer(options);
            await server.StartAsync();
            try
            {
                TcpStreamConnector pinned = new TcpStreamConnector
                {
                    CertificateValidation = (sender, cert, chain, errors) => cert != null && cert.GetCertHashString() == certificate.GetCertHashString(),
                };
                IByteStream line = pinned.Open("localhost", port, true, 5000);
                Assert.IsNotNull(line, pinned.LastError);

                // CONNECT client "t", clean session, keep-alive 60 s; the broker answers CONNACK accepted.
                byte[] connect = { 0x10, 0x0D, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0x02, 0x00, 0x3C, 0x00, 0x01, 0x74 };
                Assert.IsTrue(line.Write(connect, 0, connect.Length));
                byte[] reply = new byte[4];
                int received = 0;
                Stopwatch watch = Stopwatch.StartNew();
                while (received < 4 && watch.ElapsedMilliseconds < 5000)
                {
                    int n = line.Read(reply, received, 4 - received, 500);
                    Assert.IsTrue(n >= 0, "closed");
                    received += n;
                }

                CollectionAssert.AreEqual(new byte[] { 0x20, 0x02, 0x00, 0x00 }, reply);
                pinned.Close(line);

                TcpStreamConnector untrusting = new TcpStreamConnector();
                Assert.IsNull(untrusting.Open("localhost", port, true, 5000));
                StringAssert.Contains(untrusting.LastError, "TLS");

            }
            finally
            {
                await server.StopAsync();
            }
        }

        private static X509Certificate2 SelfSigned()
        {
            using RSA key = RSA.Create(2048);
            CertificateRequest request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            SubjectAlternativeNameBuilder names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            using X509Certificate2 ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
            // Round-trip through PKCS#12 so the private key is usable by SslStream on Linux.
            return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
        }

        private static int FreePort()
        {
            TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
