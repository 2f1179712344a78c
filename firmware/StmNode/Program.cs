using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using StmNode.Adapters;
using StmNode.At;
using StmNode.Cloud;
using StmNode.Config;
using StmNode.Leds;
using StmNode.Modems;
using StmNode.Mqtt;
using StmNode.Node;
using StmNode.Ports;
using StmNode.Sensors;

namespace StmNode
{
    /// <summary>The ESP32 application's composition root: builds the adapters, wires them into the Core node and runs it.</summary>
    public static class Program
    {
        public const string FirmwareVersion = "1.0.0";

        /// <summary>Longest the node loop may stand still before the watchdog restarts the board (a modem power cycle plus registration fits).</summary>
        private const int WatchdogStallMs = 6 * 60 * 1000;

        private const int WifiJoinTimeoutMs = 20000;
        private const int ModemBaudRate = 115200;

        public static void Main()
        {
            NodeConfig config = LoadConfig();
            DebugLog log = new DebugLog(config.LogLevel);
            ConfigError error = config.Validate();
            if (error != null)
            {
                // Nothing can work with a bad configuration: say why, slowly and for ever, instead of rebooting in a loop.
                while (true)
                {
                    log.Write(LogLevel.Error, "Main", "configuration refused: " + error.ToString());
                    Thread.Sleep(60000);
                }
            }

            Esp32Clock clock = new Esp32Clock();
            Esp32System system = new Esp32System(FirmwareVersion);
            GpioController gpio = new GpioController();
            PinMap pins = config.Pins;

            LedBank leds = new LedBank(new GpioOutput(gpio, pins.Led1), new GpioOutput(gpio, pins.Led2), new GpioOutput(gpio, pins.Led3));
            SensorBoard sensors = new SensorBoard(config,
                Dht(pins, log),
                Input(gpio, pins.Mq2Digital),
                Analog(pins, log),
                Input(gpio, pins.Flame),
                Input(gpio, pins.Water),
                Input(gpio, pins.Light));

            HuaweiIotdaSettings iotda = new HuaweiIotdaSettings();
            iotda.Host = config.CloudHost;
            iotda.Port = config.CloudPort;
            iotda.UseTls = config.CloudTls;
            iotda.DeviceId = config.DeviceId;
            iotda.Secret = config.DeviceSecret;
            iotda.KeepAliveSeconds = config.KeepAliveSeconds;
            HuaweiIotdaProfile cloud = new HuaweiIotdaProfile(iotda, Stm32Service.CreateDeviceModel());

            NodeController node = new NodeController(config, clock, log, cloud, sensors, leds, system, JitterSeed(config.DeviceId));

            new Watchdog(node, system, WatchdogStallMs).Start();
            for (int i = 0; i < config.TransportOrder.Length; i++)
            {
                string kind = config.TransportOrder[i];
                try
                {
                    AddTransport(node, kind, config, gpio, clock, log);
                }
                catch (Exception e)
                {
                    // A UART that will not open or a CA that does not parse costs this transport, not the node.
                    log.Write(LogLevel.Error, "Main", "transport '" + kind + "' not started: " + e.GetType().Name);
                }
            }

            log.Write(LogLevel.Info, "Main", "StmNode " + FirmwareVersion + " running as " + config.DeviceId);
            node.Run();
        }

        /// <summary>
        /// Backoff jitter only has to differ between nodes, not be secret. After a power cut a whole fleet boots at the
        /// same moment with the same unset RTC, so the device id (FNV-1a) is what makes the seeds differ.
        /// </summary>
        private static uint JitterSeed(string deviceId)
        {
            uint seed = 2166136261u ^ (uint)Environment.TickCount64;
            for (int i = 0; i < deviceId.Length; i++)
            {
                seed = (seed ^ deviceId[i]) * 16777619u;
            }

            return seed;
        }

        private static NodeConfig LoadConfig()
        {
            NodeConfig config = new NodeConfig();
            config.DeviceId = Secrets.DeviceId;
            config.DeviceSecret = Secrets.DeviceSecret;
            config.CloudHost = Secrets.IotdaHost;
            config.WifiSsid = Secrets.WifiSsid;
            config.WifiPassword = Secrets.WifiPassword;
            config.Apn = Secrets.Apn;
            if (Secrets.ConfigJson.Length > 0)
            {
                byte[] json = Encoding.UTF8.GetBytes(Secrets.ConfigJson);
                ConfigError error = NodeConfigParser.Load(json, 0, json.Length, config);
                if (error != null)
                {
                    // Validate() reports it again from Main; keep the defaults for what did not parse.
                    new DebugLog(LogLevel.Error).Write(LogLevel.Error, "Main", "ConfigJson: " + error.ToString());
                }
            }

            return config;
        }

        private static void AddTransport(NodeController node, string kind, NodeConfig config, GpioController gpio, IClock clock, ILog log)
        {
            PinMap pins = config.Pins;
            switch (kind)
            {
                case "wifi":
                    X509Certificate ca = Secrets.IotdaRootCaPem.Length == 0 ? null : new X509Certificate(Secrets.IotdaRootCaPem);
                    M2MqttClient client = new M2MqttClient(new WifiBearer(config.WifiSsid, config.WifiPassword, WifiJoinTimeoutMs), ca);
                    ClientMqttLink wifi = new ClientMqttLink(client, log, "wifi");
                    wifi.WallClock = clock; // TLS only once SNTP has set the RTC
                    node.AddLink(new Transport(wifi));
                    break;
                case "ec20":
                    QuectelModem ec20 = new QuectelModem(QuectelModel.Ec20, Channel("COM2", pins.Ec20Rx, pins.Ec20Tx, clock, log), log, Output(gpio, pins.Ec20PwrKey), Output(gpio, pins.Ec20Reset));
                    QuectelMqttLink ec20Link = Link(ec20, config);
                    if (Secrets.IotdaRootCaPem.Length > 0)
                    {
                        // The EC20 checks the server against a CA file in its own flash: the link uploads it before its
                        // first TLS connect, and again on the next try when that upload failed.
                        ec20Link.CaCertificate = Encoding.UTF8.GetBytes(Secrets.IotdaRootCaPem);
                    }

                    node.AddLink(QuectelRecovery.TransportOf(ec20, ec20Link, 0));
                    break;
                case "bc26":
                    QuectelModem bc26 = new QuectelModem(QuectelModel.Bc26, Channel("COM3", pins.Bc26Rx, pins.Bc26Tx, clock, log), log, Output(gpio, pins.Bc26PwrKey), Output(gpio, pins.Bc26Reset));
                    QuectelMqttLink bc26Link = Link(bc26, config);
                    node.AddLink(QuectelRecovery.TransportOf(bc26, bc26Link, config.Bc26PlainPort));
                    break;
                default:
                    log.Write(LogLevel.Warning, "Main", "transport '" + kind + "' is not wired on this board; skipped");
                    break;
            }
        }

        private static QuectelMqttLink Link(QuectelModem modem, NodeConfig config)
        {
            QuectelMqttLink link = new QuectelMqttLink(modem);
            link.Apn = config.Apn.Length == 0 ? null : config.Apn;
            return link;
        }

        private static AtChannel Channel(string port, int rxGpio, int txGpio, IClock clock, ILog log)
        {
            return new AtChannel(new SerialPortLine(port, rxGpio, txGpio, ModemBaudRate), clock, log);
        }

        private static IHumiditySensor Dht(PinMap pins, ILog log)
        {
            // NodeConfig.Validate refuses a DHT11 with one pin only, so here it is both pins or none.
            if (pins.Dht11Echo < 0 || pins.Dht11Trigger < 0)
            {
                return null;
            }

            try
            {
                return new Dht11Sensor(pins.Dht11Echo, pins.Dht11Trigger);
            }
            catch (Exception e)
            {
                // No free RMT channel or a pin already taken: run without temperature and humidity.
                log.Write(LogLevel.Error, "Main", "DHT11 not started: " + e.GetType().Name);
                return null;
            }
        }

        private static IAnalogInput Analog(PinMap pins, ILog log)
        {
            if (pins.Mq2Analog < 0)
            {
                return null;
            }

            try
            {
                return new AdcInput(new AdcController(), PinMap.Adc1Channel(pins.Mq2Analog));
            }
            catch (Exception e)
            {
                log.Write(LogLevel.Error, "Main", "MQ2 ADC not started: " + e.GetType().Name);
                return null;
            }
        }

        private static IDigitalInput Input(GpioController gpio, int pin)
        {
            return pin < 0 ? null : new GpioInput(gpio, pin);
        }

        private static IDigitalOutput Output(GpioController gpio, int pin)
        {
            return pin < 0 ? null : new GpioOutput(gpio, pin);
        }
    }
}
