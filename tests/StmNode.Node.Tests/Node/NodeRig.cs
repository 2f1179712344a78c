using StmNode.Cloud;
using StmNode.Config;
using StmNode.Leds;
using StmNode.Node;
using StmNode.Ports;
using StmNode.Sensors;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Node
{
    /// <summary>A whole node on fakes: a valid configuration, every sensor, three LEDs and one Wi-Fi link.</summary>
    public sealed class NodeRig
    {
        /// <summary>Virtual time one <see cref="RunFor"/> step takes.</summary>
        public const int StepMs = 50;

        public readonly NodeConfig Config;
        public readonly ManualClock Clock = new ManualClock();
        public readonly RecordingLog Log = new RecordingLog();
        /// <summary>The readable fake profile unless a test puts a real one here before <see cref="Start"/>.</summary>
        public ICloudProfile Cloud = new FakeCloud();
        public readonly FakeMqttLink Link = new FakeMqttLink("wifi");
        public readonly FakeHumiditySensor Dht = new FakeHumiditySensor();
        public readonly FakeDigitalInput GasDigital = new FakeDigitalInput(true);
        public readonly FakeAnalogInput GasAnalog = new FakeAnalogInput();
        public readonly FakeDigitalInput Flame = new FakeDigitalInput(true);
        public readonly FakeDigitalInput Water = new FakeDigitalInput(false);
        public readonly FakeDigitalInput Light = new FakeDigitalInput(false);
        public readonly FakeDigitalOutput Led1 = new FakeDigitalOutput();
        public readonly FakeDigitalOutput Led2 = new FakeDigitalOutput();
        public readonly FakeDigitalOutput Led3 = new FakeDigitalOutput();
        public readonly FakeSystem System = new FakeSystem();
        public NodeController Controller;

        /// <summary>Diagnostics of the link, if a test sets one before <see cref="Start"/>.</summary>
        public ILinkInfo LinkInfo;

        public NodeRig()
        {
            Config = ValidConfig();
            Link.Clock = Clock;
            GasAnalog.Value = 400;
        }

        /// <summary>A configuration that passes validation: Wi-Fi only.</summary>
        public static NodeConfig ValidConfig()
        {
            NodeConfig config = new NodeConfig();
            config.DeviceId = "660f1e2a7bbf9d23a1b2c3d4_esp32node01";
            config.DeviceSecret = "Sens0rS3cret!";
            config.CloudHost = "example.iotda-device.cn-north-4.myhuaweicloud.com";
            config.TransportOrder = new string[] { "wifi" };
            config.WifiSsid = "lab";
            return config;
        }

        /// <summary>Builds the controller (after the test adjusted <see cref="Config"/>) with the Wi-Fi link.</summary>
        public NodeController Start()
        {
            SensorBoard sensors = new SensorBoard(Config, Dht, GasDigital, GasAnalog, Flame, Water, Light);
            LedBank leds = new LedBank(Led1, Led2, Led3);
            Controller = new NodeController(Config, Clock, Log, Cloud, sensors, leds, System, 12345);
            Controller.AddLink(new Transport(Link, null, LinkInfo, 0));
            return Controller;
        }

        /// <summary>Steps the node for a span of virtual time.</summary>
        public void RunFor(long ms)
        {
            long end = Clock.UptimeMs + ms;
            while (Clock.UptimeMs < end)
            {
                Controller.Step();
                Clock.Advance(StepMs);
            }
        }

        /// <summary>
        /// Number of publishes on the link whose topic starts with the prefix and whose text contains the fragment
        /// ("" for either matches any).
        /// </summary>
        public int CountPublished(string topicPrefix, string fragment)
        {
            int count = 0;
            for (int i = 0; i < Link.PublishCount; i++)
            {
                if (Matches(i, topicPrefix, fragment))
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>
        /// Text of the last publish whose topic starts with the prefix and contains the fragment ("" for either matches
        /// any), or "".
        /// </summary>
        public string LastPublished(string topicPrefix, string fragment)
        {
            for (int i = Link.PublishCount - 1; i >= 0; i--)
            {
                if (Matches(i, topicPrefix, fragment))
                {
                    return Link.PublishedText(i);
                }
            }

            return "";
        }

        private bool Matches(int index, string topicPrefix, string fragment)
        {
            // "" is tested for first: nanoFramework's s.IndexOf("") throws ArgumentOutOfRangeException and "".IndexOf("")
            // is -1 there (.NET: 0 for both), so an empty prefix or fragment must not reach IndexOf.
            return (topicPrefix.Length == 0 || Link.PublishedTopic(index).IndexOf(topicPrefix) == 0)
                && (fragment.Length == 0 || Link.PublishedText(index).IndexOf(fragment) >= 0);
        }
    }
}
