using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Adapters;
using StmNode.Mqtt;
using StmNode.IntegrationTests.Support;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Mqtt
{
    /// <summary>
    /// Interoperability with a broker StmNode did not write: Eclipse Mosquitto (installed by .ci/run) on a free
    /// loopback port, started and stopped by the test.
    /// </summary>
    [TestClass]
    public class StreamMqttLinkMosquittoTests
    {
        [TestMethod]
        [Timeout(30000, CooperativeCancellation = true)]
        public void Session_AgainstMosquitto_EchoesQos0AndQos1AndKeepsAlive()
        {
            string mosquitto = File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : "mosquitto";
            int port = FreePort();
            string folder = Path.Combine(Path.GetTempPath(), "stmnode-mosquitto-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            string config = Path.Combine(folder, "mosquitto.conf");
            File.WriteAllText(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
            Process broker;
            try
            {
                broker = Process.Start(new ProcessStartInfo(mosquitto, "-c " + config) { RedirectStandardError = true, RedirectStandardOutput = true });
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Inconclusive("mosquitto is not installed (.ci/run installs it)");
                return;
            }

            try
            {
                Assert.IsTrue(WaitUntilListening(port, 5000), "mosquitto did not start listening");
                StreamMqttLink link = new StreamMqttLink(new TcpStreamConnector(), new StopwatchClock(), new NullLog(), "tcp", 4096);
                link.ResponseTimeoutMs = 5000;
                List<string> received = new List<string>();
                MqttConnectOptions options = new MqttConnectOptions { Host = "127.0.0.1", Port = port, ClientId = "stmnode-mosq", KeepAliveSeconds = 1 };

                Assert.AreEqual(LinkResult.Ok, link.Connect(options), link.LastError);
                Assert.AreEqual(LinkResult.Ok, link.Subscribe("stmnode/+/echo", 1), link.LastError);
                byte[] first = Encoding.UTF8.GetBytes("qos0");
                byte[] second = Encoding.UTF8.GetBytes("qos1 \u00E9\u20AC");
                Assert.AreEqual(LinkResult.Ok, link.Publish("stmnode/a/echo", first, 0, first.Length, 0), link.LastError);
                Assert.AreEqual(LinkResult.Ok, link.Publish("stmnode/b/echo", second, 0, second.Length, 1), link.LastError);

                // Past 1.5 × keep-alive: the broker would drop a client that did not ping.
                Stopwatch watch = Stopwatch.StartNew();
                while (watch.ElapsedMilliseconds < 2500 && link.IsConnected)
                {
                    link.Poll(100);
                    link.TakeInto(received);
                }

                Assert.IsTrue(link.IsConnected, link.LastError);
                CollectionAssert.AreEqual(new[] { "stmnode/a/echo=qos0", "stmnode/b/echo=qos1 \u00E9\u20AC" }, received);
                link.Disconnect();
                Assert.IsFalse(link.IsConnected);
            }
            finally
            {
                broker.Kill();
                broker.WaitForExit(5000);
                broker.Dispose();
                Directory.Delete(folder, true);
            }
        }

        private static bool WaitUntilListening(int port, int timeoutMs)
        {
            Stopwatch watch = Stopwatch.StartNew();
            while (watch.ElapsedMilliseconds < timeoutMs)
            {
                try
                {
                    using TcpClient probe = new TcpClient();
                    probe.Connect(IPAddress.Loopback, port);
                    return true;
                }
                catch (SocketException)
                {
                    System.Threading.Thread.Sleep(50);
                }
            }

            return false;
        }

        private static int FreePort()
        {
            TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private sealed class NullLog : ILog
        {
            public bool IsEnabled(LogLevel level) => false;

            public void Write(LogLevel level, string source, string message)
            {
            }
        }
    }
}
