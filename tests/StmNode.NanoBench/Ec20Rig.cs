using System;
using System.Text;
using StmNode.At;
using StmNode.Cloud;
using StmNode.Config;
using StmNode.Leds;
using StmNode.Modems;
using StmNode.Node;
using StmNode.Ports;
using StmNode.Sensors;
using StmNode.Tests.Fakes;

namespace StmNode.NanoBench
{
    /// <summary>
    /// The node's report and command paths as NodeController runs them (sensors → NodeReport → CloudUplink →
    /// QuectelMqttLink → AT channel), over an EC20 link that a scripted modem connects and <see cref="InstantEc20"/>
    /// then serves, so that only StmNode's time and allocations are measured.
    /// </summary>
    public sealed class Ec20Rig
    {
        private const string Ok = "\r\nOK\r\n";

        private readonly ManualClock _clock = new ManualClock();
        private readonly InstantEc20 _line;
        private readonly QuectelMqttLink _link;
        private readonly SensorBoard _sensors;
        private readonly LedBank _leds;
        private readonly DownlinkHandler _handler;
        private readonly HuaweiIotdaProfile _profile;
        private readonly CloudUplink _cloud;
        private readonly byte[] _commandOn;
        private readonly byte[] _commandOff;
        private bool _on;

        public Ec20Rig()
        {
            ScriptedModemLine script = new ScriptedModemLine(_clock);
            Script(script);
            _line = new InstantEc20(script);
            AtChannel channel = new AtChannel(_line, _clock, new SilentLog());
            _link = new QuectelMqttLink(new QuectelModem(QuectelModel.Ec20, channel, new SilentLog(), null, null));
            if (_link.Connect(Options()) != LinkResult.Ok || script.Failure != null)
            {
                throw new InvalidOperationException("EC20 connect script failed: " + _link.LastError + " / " + script.Failure);
            }

            _line.GoInstant();
            NodeConfig config = new NodeConfig();
            config.DeviceId = ReportDocument.DeviceId;
            config.DeviceSecret = "Sens0rS3cret!";
            FakeAnalogInput gas = new FakeAnalogInput();
            gas.Value = 400;
            _sensors = new SensorBoard(config, new FakeHumiditySensor(), new FakeDigitalInput(true), gas, new FakeDigitalInput(true), new FakeDigitalInput(true), new FakeDigitalInput(false));
            _leds = new LedBank(new FakeDigitalOutput(), new FakeDigitalOutput(), new FakeDigitalOutput());
            _handler = new DownlinkHandler(new RuntimeSettings(config), _leds);
            HuaweiIotdaSettings settings = new HuaweiIotdaSettings();
            settings.Host = "iot.example.com";
            settings.DeviceId = ReportDocument.DeviceId;
            settings.Secret = config.DeviceSecret;
            _profile = new HuaweiIotdaProfile(settings, Stm32Service.CreateDeviceModel());
            _cloud = new CloudUplink(_profile);
            _commandOn = CommandUrc("1001", true);
            _commandOff = CommandUrc("1002", false);
        }

        /// <summary>One steady-state report as NodeController makes and sends it.</summary>
        public int ReportCycle()
        {
            _clock.Advance(1000);
            long now = _clock.UptimeMs;
            _sensors.Poll(now);
            NodeReport report = new NodeReport(Stm32Service.Id, now);
            report.SetEventTime(_clock.UtcNow);
            _sensors.AddTo(report, now);
            report.AddInt(Stm32Service.Led1.Name, _leds.IsOn(1) ? 1 : 0);
            report.AddInt(Stm32Service.Led2.Name, _leds.IsOn(2) ? 1 : 0);
            report.AddInt(Stm32Service.Led3.Name, _leds.IsOn(3) ? 1 : 0);
            CloudMessage message = _cloud.Report(report);
            if (_link.Publish(message.Topic, message.Payload, 0, message.Payload.Length, 1) != LinkResult.Ok)
            {
                throw new InvalidOperationException("publish failed: " + _link.LastError);
            }

            return message.Payload.Length;
        }

        /// <summary>A command the modem announces: polled in, decoded, LED set, response encoded and published.</summary>
        public int CommandRound()
        {
            _on = !_on;
            _line.Inject(_on ? _commandOn : _commandOff);
            _link.Poll(0);
            string topic;
            byte[] payload;
            if (!_link.TryTakeMessage(out topic, out payload))
            {
                throw new InvalidOperationException("no command arrived");
            }

            Downlink command = _profile.Decode(topic, payload, 0, payload.Length);
            CloudMessage response = _cloud.Answer(command, _handler.Execute(command));
            if (_link.Publish(response.Topic, response.Payload, 0, response.Payload.Length, 1) != LinkResult.Ok)
            {
                throw new InvalidOperationException("response publish failed: " + _link.LastError);
            }

            return response.Payload.Length;
        }

        /// <summary>The +QMTRECV line an EC20 (recv/mode 0,0,1) prints for a SET_LED command.</summary>
        public static byte[] CommandUrc(string requestId, bool on)
        {
            string topic = "$oc/devices/" + ReportDocument.DeviceId + "/sys/commands/request_id=" + requestId;
            string payload = "{\"service_id\":\"stm32\",\"command_name\":\"SET_LED\",\"paras\":{\"led\":2,\"state\":" + (on ? 1 : 0) + "}}";
            return Encoding.UTF8.GetBytes("\r\n+QMTRECV: 0,1,\"" + topic + "\"," + payload.Length + ",\"" + payload + "\"\r\n");
        }

        public InstantEc20 Line
        {
            get { return _line; }
        }

        public static MqttConnectOptions Options()
        {
            MqttConnectOptions options = new MqttConnectOptions();
            options.Host = "iot.example.com";
            options.Port = 1883;
            options.ClientId = "dev1_0_0_2026112510";
            options.Username = "dev1";
            options.Password = "pw";
            options.KeepAliveSeconds = 120;
            return options;
        }

        // The EC20 bring-up, MQTT configuration, open and connect (as the Modems tests' QuectelScripts).
        public static void Script(ScriptedModemLine line)
        {
            line.Expect("AT", Ok).Expect("ATE0", Ok).Expect("AT+CMEE=1", Ok).Expect("AT+CEREG=1", Ok);
            line.Expect("AT+QURCCFG=\"urcport\",\"uart1\"", Ok).Expect("AT+CGREG=1", Ok);
            line.Expect("AT+CPIN?", "\r\n+CPIN: READY\r\n" + Ok);
            line.Expect("AT+CEREG?", "\r\n+CEREG: 1,1\r\n" + Ok);
            line.Expect("AT+QIACT?", "\r\n+QIACT: 1,1,1,\"10.0.0.2\"\r\n" + Ok);
            line.Expect("AT+QMTCFG=\"version\",0,4", Ok).Expect("AT+QMTCFG=\"keepalive\",0,120", Ok)
                .Expect("AT+QMTCFG=\"session\",0,1", Ok).Expect("AT+QMTCFG=\"timeout\",0,10,3,0", Ok);
            line.Expect("AT+QMTCFG=\"recv/mode\",0,0,1", Ok).Expect("AT+QMTCFG=\"pdpcid\",0,1", Ok).Expect("AT+QMTCFG=\"ssl\",0,0", Ok);
            line.Expect("AT+QMTOPEN=0,\"iot.example.com\",1883", Ok).Then(2000, "\r\n+QMTOPEN: 0,0\r\n");
            line.Expect("AT+QMTCONN=0,\"dev1_0_0_2026112510\",\"dev1\",\"pw\"", Ok).Then(500, "\r\n+QMTCONN: 0,0,0\r\n");
        }
    }
}
