#nullable enable
namespace StmNode.Host.Emulators
{
    /// <summary>
    /// What BC26 and EC20 share, as command groups: the basics (<see cref="QuectelBasicCommands"/>), the network
    /// (<see cref="QuectelNetworkCommands"/>), the QMT* MQTT family carried to a real broker
    /// (<see cref="QuectelMqttCommands"/>, <see cref="QuectelMqttSettings"/>, <see cref="QuectelMqttPublish"/>) and
    /// transparent TCP (<see cref="QuectelSocketCommands"/>). A model adds its own commands and its publish and
    /// receive forms.
    /// </summary>
    public abstract class QuectelEmulator : AtEmulator
    {
        protected QuectelEmulator(EmulatorOptions? options)
            : base(options)
        {
            _ = new QuectelBasicCommands(this);
            Network = new QuectelNetworkCommands(this);
            Mqtt = new QuectelMqttCommands(this);
            _ = new QuectelMqttSettings(this);
            Publish = new QuectelMqttPublish(this);
            _ = new QuectelSocketCommands(this);
        }

        /// <summary>The model line of ATI / AT+CGMM.</summary>
        internal abstract string Model { get; }

        /// <summary>The firmware revision of ATI / AT+GMR.</summary>
        internal abstract string Revision { get; }

        /// <summary>Largest payload accepted after the <c>&gt;</c> prompt.</summary>
        internal abstract int MaxPromptPayload { get; }

        internal QuectelNetworkCommands Network { get; }

        internal QuectelMqttCommands Mqtt { get; }

        internal QuectelMqttPublish Publish { get; }

        /// <summary>True while CFUN=1 and the registration delay has passed.</summary>
        protected bool IsRegistered => Network.IsRegistered;

        protected bool IsAttached => Network.IsAttached;

        protected override string[] StormUrcs => new[] { "+CEREG: 1", "+QIND: \"csq\",22,0", "+CTZV: 32,0", "+QIND: \"act\",\"LTE\"" };

        /// <summary>The QMTCFG settings in the order AT+QMTCFG=? lists them.</summary>
        internal static readonly string[] QmtCfgNames =
        {
            "version", "pdpcid", "ssl", "keepalive", "session", "timeout", "will", "recv/mode", "aliauth", "dataformat", "echomode",
        };

        /// <summary>
        /// The ranges AT+QMTCFG=? prints after a setting's name (the shape of the Quectel MQTT notes' test command),
        /// or null when this model and firmware do not have the setting.
        /// </summary>
        internal abstract string? QmtCfgRange(string name);

        /// <summary>The numbers QMTCFG "version" takes for MQTT 3.1 and 3.1.1.</summary>
        internal abstract int[] MqttVersions { get; }

        internal bool SupportsQmtCfg(string name) => QmtCfgRange(name) != null;

        /// <summary>What AT+QIOPEN=? lists: PDP contexts, sockets, services, host, ports and access modes.</summary>
        internal abstract string QiOpenRanges { get; }

        /// <summary>Highest PDP context id AT+QIOPEN takes.</summary>
        internal abstract int MaxSocketContext { get; }

        /// <summary>Whether AT+QIOPEN has transparent access mode (2).</summary>
        internal abstract bool HasTransparentSocket { get; }

        /// <summary>The range text common to both models.</summary>
        protected static string? CommonQmtCfgRange(string name)
        {
            switch (name)
            {
                case "keepalive":
                    return "(0-5),(0-3600)";
                case "session":
                    return "(0-5),(0,1)";
                case "timeout":
                    return "(0-5),(1-60),(0-10),(0,1)";
                case "will":
                    return "(0-5),(0,1),(0-2),(0,1),\"<will_topic>\",\"<will_msg>\"";
                case "aliauth":
                    return "(0-5),\"<product_key>\",\"<device_name>\",\"<device_secret>\"";
                default:
                    return null;
            }
        }

        /// <summary>Prints a downlink message the model's way.</summary>
        internal abstract void DeliverDownlink(QmtClient client, int messageId, string topic, byte[] payload);

        /// <summary>Handles the part of AT+QMTPUB after the topic (prompt, fixed length or inline forms).</summary>
        internal abstract void HandlePublishForm(AtCommand command, QmtClient client, int messageId, int qos, bool retain, string topic);

        /// <summary>Whether the data path is up for a client (BC26: attached; EC20: its PDP context active).</summary>
        internal abstract bool IsDataPathUp(QmtClient client);

        /// <summary>The model's own output when the network registration completes (before any +CEREG URC).</summary>
        internal virtual void OnRegistered()
        {
        }

        protected override void ResetState()
        {
            Mqtt.Reset();
            Network.Reset();
        }

        protected override void OnTransparentLost() => Line("NO CARRIER");

        protected override void OnTransparentEscaped() => Ok();

        protected internal override void DropMqtt(int clientIndex, int code)
        {
            lock (Sync)
            {
                Mqtt.Drop(clientIndex, code);
            }
        }
    }
}
