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

        /// <summary>QMTCFG sub-commands this model knows.</summary>
        internal abstract bool SupportsQmtCfg(string name);

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
