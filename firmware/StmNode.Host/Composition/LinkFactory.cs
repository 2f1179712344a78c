using System;
using StmNode.At;
using StmNode.Host.Adapters;
using StmNode.Host.Emulators;
using StmNode.Host.Simulation;
using StmNode.Modems;
using StmNode.Mqtt;
using StmNode.Node;
using StmNode.Ports;

namespace StmNode.Host.Composition
{
    /// <summary>
    /// Builds one transport for a node from the same Core pieces the ESP32 app uses (MQTT client, AT channel, modem
    /// drivers), with PC adapters at the edge: a TCP socket, a real serial port, or an emulated modem.
    /// </summary>
    public static class LinkFactory
    {
        /// <summary>Largest MQTT packet the node accepts from the broker.</summary>
        public const int MaxPacketBytes = 16 * 1024;

        /// <summary>The parts of a link, or null with a reason (unknown link, serial port that does not open).</summary>
        public static LinkParts Create(NodeSpec spec, IClock clock, ILog log, out string error)
        {
            error = null;
            switch (spec.Link)
            {
                case "tcp":
                    // Core's own MQTT 3.1.1 client over this PC's TCP socket. The board's Wi-Fi link is M2Mqtt under
                    // ClientMqttLink instead, which the shared tests run with a fake client.
                    var link = new StreamMqttLink(new TcpStreamConnector(), clock, log, "tcp", MaxPacketBytes);
                    return new LinkParts(link, null, null, Array.Empty<IDisposable>());
                case "bc26":
                case "ec20":
                case "esp-at":
                case "tcp-raw":
                    return CreateModemLink(spec, clock, log, out error);
                default:
                    error = "unknown link '" + spec.Link + "' (tcp, bc26, ec20, esp-at, tcp-raw)";
                    return null;
            }
        }

        private static LinkParts CreateModemLink(NodeSpec spec, IClock clock, ILog log, out string error)
        {
            error = null;
            IByteStream line;
            IDisposable resource;
            EmulatedModem emulated = null;
            IDigitalOutput powerKey = null;
            IDigitalOutput reset = null;
            if (spec.Serial != null)
            {
                SerialPortLine port = SerialPortLine.TryOpen(spec.Serial, spec.Baud, out error);
                if (port == null)
                {
                    return null;
                }

                // A PC cannot press the modem's PWRKEY: it must be switched on by hand (or by its board).
                line = port;
                resource = port;
            }
            else
            {
                emulated = EmulatedModem.Create(ModelOf(spec), spec.ModemOptions);
                line = emulated.Line;
                resource = emulated;
                powerKey = emulated.PowerKey;
                reset = emulated.Reset;
            }

            var channel = new AtChannel(line, clock, spec.AtLog ?? log);
            IMqttLink link;
            if (ModemModels.DriverOf(ModelOf(spec)) == "esp-at")
            {
                link = new EspAtMqttLink(new EspAtModem(channel, log), spec.Config.WifiSsid, spec.Config.WifiPassword);
            }
            else
            {
                var model = ModemModels.DriverOf(ModelOf(spec)) == "bc26" ? QuectelModel.Bc26 : QuectelModel.Ec20;
                var modem = new QuectelModem(model, channel, log, powerKey, reset);
                if (spec.Link == "tcp-raw")
                {
                    // Core's own MQTT 3.1.1 client over the modem's transparent TCP socket.
                    var connector = new QuectelStreamConnector(modem)
                    {
                        Apn = NullIfEmpty(spec.Config.Apn),
                        RegistrationTimeoutMs = spec.RegistrationTimeoutMs,
                    };
                    var socketLink = new StreamMqttLink(connector, clock, log, "tcp-raw", MaxPacketBytes);
                    return new LinkParts(socketLink, null, null, new[] { resource }) { Channel = channel, Modem = emulated };
                }

                var quectel = new QuectelMqttLink(modem)
                {
                    Apn = NullIfEmpty(spec.Config.Apn),
                    RegistrationTimeoutMs = spec.RegistrationTimeoutMs,
                };
                if (spec.ModemPacketTimeoutSeconds.HasValue)
                {
                    quectel.Mqtt.PacketTimeoutSeconds = spec.ModemPacketTimeoutSeconds.Value;
                }

                // Core's escalation ladder (MQTT reopen, radio cycle, power cycle) and diag info for the Quectel modems.
                var recovery = new QuectelRecovery(modem, quectel);
                return new LinkParts(quectel, recovery, recovery, new[] { resource }) { Channel = channel, Modem = emulated };
            }

            return new LinkParts(link, null, null, new[] { resource }) { Channel = channel, Modem = emulated };
        }

        /// <summary>
        /// The modem model behind a link: the --modem choice when it fits the link's driver (ec20-old for the ec20 link,
        /// esp8266-at for esp-at; for tcp-raw any Quectel model, EC20 by default), else the link's default model.
        /// </summary>
        public static string ModelOf(NodeSpec spec)
        {
            if (spec.Link == "tcp-raw")
            {
                return spec.Modem ?? "ec20";
            }

            return spec.Modem != null && ModemModels.DriverOf(spec.Modem) == spec.Link ? spec.Modem : ModemModels.DefaultFor(spec.Link);
        }

        private static string NullIfEmpty(string text) => string.IsNullOrEmpty(text) ? null : text;
    }
}
