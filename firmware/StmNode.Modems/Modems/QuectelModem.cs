using System;
using StmNode.At;
using StmNode.Ports;

namespace StmNode.Modems
{
    /// <summary>
    /// A Quectel BC26 or EC20: power key and reset pulses, start-up detection, echo-off and numeric errors, SIM,
    /// signal, registration, bearer, network time, identity, the CFUN cycle and TLS files. What differs between the
    /// models is data in its <see cref="QuectelModel"/>; the MQTT commands live in <see cref="QuectelMqtt"/>.
    /// </summary>
    public sealed partial class QuectelModem
    {
        private readonly IDigitalOutput _powerKey;
        private readonly IDigitalOutput _reset;

        public QuectelModem(QuectelModel model, AtChannel channel, ILog log, IDigitalOutput powerKey, IDigitalOutput reset)
        {
            Model = model;
            Channel = channel;
            Log = log;
            _powerKey = powerKey;
            _reset = reset;
            NeedsInit = true;
            for (int i = 0; i < model.RebootBanners.Length; i++)
            {
                channel.AddUrc(model.RebootBanners[i], OnReboot);
            }

            channel.AddUrc("+CPIN:", delegate(string line) { SimReady = line.IndexOf("READY") > 0 && line.IndexOf("NOT") < 0; });
            channel.AddUrc("+QIURC: \"pdpdeact\"", OnBearerLost);
            channel.AddUrc("+CEREG:", OnRegistrationUrc);
            channel.AddUrc("+CGREG:", OnRegistrationUrc);
        }

        public readonly QuectelModel Model;

        public readonly AtChannel Channel;

        public readonly ILog Log;

        /// <summary>"bc26" or "ec20", for logs and <see cref="IMqttLink.Kind"/>.</summary>
        public string Kind
        {
            get { return Model.Kind; }
        }

        /// <summary>True when MQTT over TLS is available (EC20).</summary>
        public bool SupportsTls
        {
            get { return Model.SupportsTls; }
        }

        /// <summary>True until <see cref="Initialize"/> succeeded, and again after every reboot.</summary>
        public bool NeedsInit { get; private set; }

        public bool SimReady { get; private set; }

        /// <summary>Last registration state seen, from a read or a URC.</summary>
        public RegistrationState Registration { get; private set; }

        public ModemError LastError { get; private set; }

        /// <summary>Raised when the modem announced a reboot; pending commands were aborted.</summary>
        public event ModemEventHandler Rebooted;

        /// <summary>Raised when the network deactivated the PDP context (+QIURC: "pdpdeact"): the bearer must be brought up again.</summary>
        public event ModemEventHandler BearerLost;

        /// <summary>Presses PWRKEY (true = pressed; the adapter handles the transistor's polarity) for the documented time.</summary>
        public void PressPowerKey()
        {
            if (_powerKey != null)
            {
                _powerKey.Write(true);
                Channel.Clock.Sleep(Model.PowerKeyPulseMs);
                _powerKey.Write(false);
            }
        }

        /// <summary>Pulses RESET (true = asserted) and marks the modem for re-initialisation.</summary>
        public void PulseReset()
        {
            if (_reset != null)
            {
                _reset.Write(true);
                Channel.Clock.Sleep(Model.ResetPulseMs);
                _reset.Write(false);
            }

            NeedsInit = true;
        }

        /// <summary>Waits until the modem answers AT (after RDY, or polling through auto-baud), at most timeoutMs.</summary>
        public bool WaitStartup(int timeoutMs)
        {
            long deadline = Channel.Clock.UptimeMs + timeoutMs;
            while (Channel.Clock.UptimeMs < deadline)
            {
                if (Channel.Send("AT", null, 500).IsOk)
                {
                    return true;
                }

                Channel.Poll(500);
            }

            LastError = new ModemError(ModemErrorKind.Timeout, -1, "modem did not answer AT within " + timeoutMs.ToString() + " ms");
            return false;
        }

        /// <summary>Brings the modem from off (or unknown) to answering AT: checks first, presses PWRKEY if silent.</summary>
        public bool PowerOn()
        {
            AtReply probe = Channel.Send("AT", null, 500);
            if (probe.IsOk)
            {
                return true;
            }

            // A boot banner during the probe means the modem is already starting: another PWRKEY pulse could switch it off.
            if (probe.Status != AtStatus.Aborted)
            {
                PressPowerKey();
            }

            return WaitStartup(Model.StartupTimeoutMs);
        }

        /// <summary>
        /// Hardware reset (RESET pulse), then waits for the modem to answer AT without touching PWRKEY: a key press
        /// while it boots could switch it off again.
        /// </summary>
        public bool Restart()
        {
            PulseReset();
            return WaitStartup(Model.StartupTimeoutMs);
        }

        /// <summary>
        /// Orderly shutdown with AT+QPOWD (the modem detaches and saves state); when it does not confirm, the long
        /// PWRKEY press where the model documents one. The modem must not be used until <see cref="PowerOn"/>.
        /// </summary>
        public bool PowerOff()
        {
            NeedsInit = true;
            AtCommand powerDown = new AtCommand(Model.PowerDownCommand, null, Model.PowerDownTimeoutMs);
            powerDown.OkIsFinal = Model.PowerDownFinal == null;
            powerDown.SuccessFinals = Model.PowerDownFinal == null ? null : new string[] { Model.PowerDownFinal };
            AtReply reply = Channel.Send(powerDown);
            if (reply.IsOk)
            {
                return true;
            }

            if (_powerKey == null || Model.PowerKeyOffPulseMs <= 0)
            {
                LastError = ModemError.FromReply(Model.PowerDownCommand, reply);
                return false;
            }

            _powerKey.Write(true);
            Channel.Clock.Sleep(Model.PowerKeyOffPulseMs);
            _powerKey.Write(false);
            return true;
        }

        /// <summary>Echo off, numeric errors, registration URCs, then the model's own settings.</summary>
        public bool Initialize()
        {
            string[] model = Model.InitCommands;
            string[] script = new string[3 + model.Length];
            script[0] = "ATE0";
            script[1] = "AT+CMEE=1";
            script[2] = "AT+CEREG=1";
            for (int i = 0; i < model.Length; i++)
            {
                script[3 + i] = model[i];
            }

            AtReply failure;
            int failed = AtScript.Run(Channel, script, 300, out failure);
            if (failed >= 0)
            {
                LastError = ModemError.FromReply(script[failed], failure);
                return false;
            }

            NeedsInit = false;
            return true;
        }

        /// <summary>Sends a command that only needs OK; keeps the typed error otherwise.</summary>
        private bool Run(string command, int timeoutMs)
        {
            AtReply reply = Channel.Send(command, null, timeoutMs);
            if (!reply.IsOk)
            {
                LastError = ModemError.FromReply(command, reply);
            }

            return reply.IsOk;
        }

        /// <summary>The fields of the response line with prefix; empty on any failure (LastError set).</summary>
        private string[] Query(string command, string prefix, int timeoutMs)
        {
            AtReply reply = Channel.Send(command, prefix, timeoutMs);
            string text = reply.IsOk ? reply.Find(prefix) : null;
            if (text == null)
            {
                LastError = reply.IsOk ? new ModemError(ModemErrorKind.AtError, -1, command + ": no " + prefix) : ModemError.FromReply(command, reply);
                return new string[0];
            }

            return AtFields.Split(text);
        }

        private void OnBearerLost(string line)
        {
            Log.Write(LogLevel.Warning, Kind, "PDP context deactivated by the network");
            ModemEventHandler handler = BearerLost;
            if (handler != null)
            {
                handler();
            }
        }

        private void OnReboot(string line)
        {
            Log.Write(LogLevel.Warning, Kind, "modem rebooted (" + line + ")");
            NeedsInit = true;
            SimReady = false;
            Registration = RegistrationState.Unknown;
            Channel.Abort("modem rebooted");
            ModemEventHandler handler = Rebooted;
            if (handler != null)
            {
                handler();
            }
        }
    }
}
