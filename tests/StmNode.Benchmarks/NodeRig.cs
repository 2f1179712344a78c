using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MQTTnet.Server;
using StmNode.At;
using StmNode.Cloud;
using StmNode.Config;
using StmNode.Host.Adapters;
using StmNode.Host.Emulators;
using StmNode.Host.Simulation;
using StmNode.Leds;
using StmNode.Modems;
using StmNode.Node;
using StmNode.Ports;
using StmNode.Sensors;

namespace StmNode.Benchmarks
{
    /// <summary>
    /// The node's report and command paths from Core's own pieces, as NodeController runs them: simulated board →
    /// SensorBoard → NodeReport → CloudUplink (IoTDA JSON) → QuectelMqttLink → AT channel. The link connects
    /// through the EC20 emulator and a loopback broker; <see cref="UseInstantModem"/> then swaps in a modem that
    /// answers at once, so Core's own time and allocations can be measured.
    /// </summary>
    public sealed class NodeRig : IDisposable
    {
        public const string DeviceId = ReportJson.DeviceId;
        public const string Secret = "Sens0rS3cret!";

        private readonly MqttServer _broker;
        private readonly Ec20Emulator _emulator;
        private readonly DuplexPipe _pipe;
        private readonly StreamSerialLine _serial;
        private readonly SwitchableLine _line;

        public NodeRig()
        {
            int port = FreePort();
            _broker = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder()
                .WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(port).Build());
            _broker.StartAsync().GetAwaiter().GetResult();
            _emulator = new Ec20Emulator(new EmulatorOptions { GuardTimeMs = 100, BrokerTimeoutMs = 2000, ChunkPauseMs = 0 });
            _pipe = new DuplexPipe();
            _emulator.Attach(_pipe.ModemEnd);
            _serial = new StreamSerialLine(_pipe.DeviceEnd);
            _line = new SwitchableLine(_serial);
            Clock = new SystemClock();
            Channel = new AtChannel(_line, Clock, new SilentLog());
            Link = new QuectelMqttLink(new QuectelModem(QuectelModel.Ec20, Channel, new SilentLog(), null, null));
            Channel.Poll(200);

            Config = new NodeConfig { DeviceId = DeviceId, DeviceSecret = Secret };
            Board = new SimulatedBoard(Config);
            Sensors = Board.CreateSensorBoard(Config);
            Leds = Board.CreateLedBank();
            Handler = new DownlinkHandler(new RuntimeSettings(Config), Leds);
            HuaweiIotdaSettings settings = new HuaweiIotdaSettings { Host = "127.0.0.1", Port = port, DeviceId = DeviceId, Secret = Secret };
            Profile = new HuaweiIotdaProfile(settings, Stm32Service.CreateDeviceModel());
            Cloud = new CloudUplink(Profile);
            MqttConnectOptions options = new MqttConnectOptions();
            if (!Profile.TryCreateConnectOptions(Clock, options, out string error) || Link.Connect(options) != LinkResult.Ok)
            {
                throw new InvalidOperationException("the EC20 link did not connect: " + error + " " + Link.LastError);
            }

            foreach (string filter in Profile.SubscriptionFilters)
            {
                Link.Subscribe(filter, 1);
            }
        }

        public SystemClock Clock { get; }

        public AtChannel Channel { get; }

        public QuectelMqttLink Link { get; }

        public NodeConfig Config { get; }

        public SimulatedBoard Board { get; }

        public SensorBoard Sensors { get; }

        public LedBank Leds { get; }

        public DownlinkHandler Handler { get; }

        public HuaweiIotdaProfile Profile { get; }

        public CloudUplink Cloud { get; }

        public InstantQuectelLine Instant { get; } = new InstantQuectelLine();

        public void UseInstantModem()
        {
            _line.Inner = Instant;
        }

        /// <summary>One steady-state report as NodeController makes and sends it; the encoded message is returned.</summary>
        public CloudMessage ReportCycle()
        {
            long now = Clock.UptimeMs;
            Sensors.Poll(now);
            NodeReport report = new NodeReport(Stm32Service.Id, now);
            report.SetEventTime(Clock.UtcNow);
            Sensors.AddTo(report, now);
            report.AddInt(Stm32Service.Led1.Name, Leds.IsOn(1) ? 1 : 0);
            report.AddInt(Stm32Service.Led2.Name, Leds.IsOn(2) ? 1 : 0);
            report.AddInt(Stm32Service.Led3.Name, Leds.IsOn(3) ? 1 : 0);
            CloudMessage message = Cloud.Report(report);
            if (Link.Publish(message.Topic, message.Payload, 0, message.Payload.Length, 1) != LinkResult.Ok)
            {
                throw new InvalidOperationException("publish failed: " + Link.LastError);
            }

            return message;
        }

        /// <summary>
        /// A command the modem has just announced: poll it in, decode, set the LED, encode and publish the response.
        /// </summary>
        public CloudMessage CommandCycle()
        {
            Link.Poll(0);
            if (!Link.TryTakeMessage(out string topic, out byte[] payload))
            {
                throw new InvalidOperationException("no command arrived");
            }

            Downlink command = Profile.Decode(topic, payload, 0, payload.Length);
            CloudMessage response = Cloud.Answer(command, Handler.Execute(command));
            if (Link.Publish(response.Topic, response.Payload, 0, response.Payload.Length, 1) != LinkResult.Ok)
            {
                throw new InvalidOperationException("response publish failed: " + Link.LastError);
            }

            return response;
        }

        /// <summary>The +QMTRECV line an EC20 (recv/mode 0,0,1) prints for a SET_LED command.</summary>
        public static byte[] CommandUrc(string requestId, bool on)
        {
            string topic = "$oc/devices/" + DeviceId + "/sys/commands/request_id=" + requestId;
            string payload = "{\"service_id\":\"stm32\",\"command_name\":\"SET_LED\",\"paras\":{\"led\":2,\"state\":" + (on ? 1 : 0) + "}}";
            return Encoding.ASCII.GetBytes("\r\n+QMTRECV: 0,1,\"" + topic + "\"," + payload.Length + ",\"" + payload + "\"\r\n");
        }

        public void Dispose()
        {
            _emulator.Dispose();
            _serial.Dispose();
            _pipe.Dispose();
            _broker.StopAsync(new MqttServerStopOptions()).GetAwaiter().GetResult();
            _broker.Dispose();
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
