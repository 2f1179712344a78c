#nullable enable
using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.At;
using StmNode.Host.Adapters;
using StmNode.Host.Emulators;
using StmNode.IntegrationTests.Support;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Emulators
{
    /// <summary>A Core driver's <see cref="IMqttLink"/> on an emulator over the in-memory pipe, plus the broker.</summary>
    public sealed class DriverRig : IAsyncDisposable
    {
        private readonly DuplexPipe _pipe;
        private readonly StreamSerialLine _line;

        private DriverRig(AtEmulator emulator, DuplexPipe pipe, StreamSerialLine line, AtChannel channel, TestBroker broker, RecordingLog log)
        {
            Emulator = emulator;
            _pipe = pipe;
            _line = line;
            Channel = channel;
            Broker = broker;
            Log = log;
        }

        public AtEmulator Emulator { get; }

        public AtChannel Channel { get; }

        public TestBroker Broker { get; }

        public RecordingLog Log { get; }

        public IMqttLink Link { get; private set; } = null!;

        public ConcurrentQueue<string> Losses { get; } = new ConcurrentQueue<string>();

        public static async Task<DriverRig> StartAsync(AtEmulator emulator, Func<AtChannel, RecordingLog, IMqttLink> createLink)
        {
            TestBroker broker = await TestBroker.StartAsync();
            var pipe = new DuplexPipe();
            emulator.Attach(pipe.ModemEnd);
            var line = new StreamSerialLine(pipe.DeviceEnd);

            // The host starts after the modem has booted: its boot output was printed to nobody.
            var boot = new byte[256];
            while (line.Read(boot, 0, boot.Length, 100) > 0)
            {
            }

            var log = new RecordingLog();
            var channel = new AtChannel(line, new SystemClock(), log);
            var rig = new DriverRig(emulator, pipe, line, channel, broker, log);
            rig.Link = createLink(channel, log);
            rig.Link.Lost += reason => rig.Losses.Enqueue(reason);
            return rig;
        }

        public MqttConnectOptions Options(string clientId) => new MqttConnectOptions
        {
            Host = "127.0.0.1",
            Port = Broker.Port,
            ClientId = clientId,
            Username = "user",
            Password = "secret",
            KeepAliveSeconds = 60,
        };

        public void AssertOk(LinkResult result, string what)
        {
            Assert.AreEqual(LinkResult.Ok, result, what + ": " + Link.LastError + "\n" + string.Join("\n", Log.Lines));
        }

        /// <summary>Polls the link until a message arrives; returns "topic payload".</summary>
        public string PollForMessage(int timeoutMs = 3000)
        {
            long deadline = Environment.TickCount64 + timeoutMs;
            while (Environment.TickCount64 < deadline)
            {
                Link.Poll(50);
                if (Link.TryTakeMessage(out string? topic, out byte[]? payload))
                {
                    return topic + " " + System.Text.Encoding.UTF8.GetString(payload);
                }
            }

            Assert.Fail("no message within " + timeoutMs + " ms\n" + string.Join("\n", Log.Lines));
            return string.Empty;
        }

        /// <summary>Polls the link until it reports a loss; returns the reason.</summary>
        public string PollForLoss(int timeoutMs = 3000)
        {
            long deadline = Environment.TickCount64 + timeoutMs;
            while (Environment.TickCount64 < deadline)
            {
                Link.Poll(50);
                if (Losses.TryDequeue(out string? reason))
                {
                    return reason;
                }
            }

            Assert.Fail("no loss reported within " + timeoutMs + " ms\n" + string.Join("\n", Log.Lines));
            return string.Empty;
        }

        public async ValueTask DisposeAsync()
        {
            Link.Disconnect();
            Emulator.Dispose();
            _line.Dispose();
            _pipe.Dispose();
            await Broker.DisposeAsync();
        }
    }
}
