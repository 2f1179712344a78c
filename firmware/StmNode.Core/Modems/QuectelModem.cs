using System;
using StmNode.At;
using StmNode.Ports;

namespace StmNode.Modems
{
    /// <summary>
    /// What BC26 and EC20 share: power key and reset pulses, start-up detection, echo-off and numeric errors, SIM,
    /// signal, registration, network time, identity and the CFUN cycle. Model differences are small overrides;
    /// the MQTT commands live in <see cref="QuectelMqtt"/>.
    /// </summary>
    public abstract class QuectelModem
    {
        private readonly IDigitalOutput _powerKey;
        private readonly IDigitalOutput _reset;

        protected QuectelModem(AtChannel channel, ILog log, IDigitalOutput powerKey, IDigitalOutput reset)
        {
            Channel = channel;
            Log = log;
            _powerKey = powerKey;
            _reset = reset;
            NeedsInit = true;
            string[] banners = RebootBanners;
            for (int i = 0; i < banners.Length; i++)
            {
                channel.AddUrc(banners[i], OnReboot);
            }

            channel.AddUrc("+CPIN:", delegate(string line) { SimReady = line.IndexOf("READY") > 0 && line.IndexOf("NOT") < 0; });
            channel.AddUrc("+CEREG:", OnRegistrationUrc);
            channel.AddUrc("+CGREG:", OnRegistrationUrc);
        }

        public readonly AtChannel Channel;

        protected readonly ILog Log;

        /// <summary>"bc26" or "ec20", for logs and <see cref="IMqttLink.Kind"/>.</summary>
        public abstract string Kind { get; }

        /// <summary>True until <see cref="Initialize"/> succeeded, and again after every reboot.</summary>
        public bool NeedsInit { get; private set; }

        public bool SimReady { get; private set; }

        /// <summary>Last registration state seen, from a read or a URC.</summary>
        public RegistrationState Registration { get; private set; }

        public ModemError LastError { get; protected set; }

        /// <summary>Raised when the modem announced a reboot; pending commands were aborted.</summary>
        public event ModemEventHandler Rebooted;

        /// <summary>True when MQTT over TLS is available (EC20).</summary>
        public abstract bool SupportsTls { get; }

        /// <summary>EC20 publishes with a length (any byte allowed); BC26 ends the payload with Ctrl-Z.</summary>
        public abstract bool PublishWithLength { get; }

        /// <summary>Largest payload one QMTPUB carries.</summary>
        public abstract int MaxPayloadBytes { get; }

        protected abstract int PowerKeyPulseMs { get; }

        protected abstract int ResetPulseMs { get; }

        protected abstract int StartupTimeoutMs { get; }

        /// <summary>Lines that mean the modem just booted.</summary>
        protected abstract string[] RebootBanners { get; }

        /// <summary>Model-specific commands sent after ATE0 and AT+CMEE=1.</summary>
        protected abstract string[] InitCommands { get; }

        /// <summary>Registration read commands to try ("+CEREG", "+CGREG"): registered on any of them is enough.</summary>
        protected abstract string[] RegistrationKinds { get; }

        /// <summary>Stores the APN the modem attaches with.</summary>
        public abstract bool SetApn(string apn, string user, string password);

        /// <summary>Makes sure the data bearer is up (EC20 AT+QIACT, BC26 attach check).</summary>
        public abstract bool ActivatePdp();

        /// <summary>Prepares an SSL context for MQTT over TLS; models without TLS refuse.</summary>
        public virtual bool ConfigureTls(int context, string caFile)
        {
            LastError = new ModemError(ModemErrorKind.InvalidArgument, -1, Kind + " has no MQTT over TLS");
            return false;
        }

        /// <summary>Presses PWRKEY (true = pressed; the adapter handles the transistor's polarity) for the documented time.</summary>
        public void PressPowerKey()
        {
            if (_powerKey != null)
            {
                _powerKey.Write(true);
                Channel.Clock.Sleep(PowerKeyPulseMs);
                _powerKey.Write(false);
            }
        }

        /// <summary>Pulses RESET (true = asserted) and marks the modem for re-initialisation.</summary>
        public void PulseReset()
        {
            if (_reset != null)
            {
                _reset.Write(true);
                Channel.Clock.Sleep(ResetPulseMs);
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

            return WaitStartup(StartupTimeoutMs);
        }

        /// <summary>Echo off, numeric errors, registration URCs, then the model's own settings.</summary>
        public bool Initialize()
        {
            string[] model = InitCommands;
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

        /// <summary>AT+CPIN?; true when the SIM is READY (LastError carries e.g. +CME ERROR: 10 = no SIM).</summary>
        public bool CheckSim()
        {
            AtReply reply = Channel.Send("AT+CPIN?", "+CPIN:", 5000);
            string state = reply.Find("+CPIN:");
            SimReady = reply.IsOk && state == "READY";
            if (!reply.IsOk)
            {
                LastError = ModemError.FromReply("AT+CPIN?", reply);
            }
            else if (!SimReady)
            {
                LastError = new ModemError(ModemErrorKind.NotReady, -1, "SIM state " + state);
            }

            return SimReady;
        }

        /// <summary>AT+CSQ: rssi 0..31 (99 unknown) and ber.</summary>
        public bool ReadSignal(out int rssi, out int ber)
        {
            string[] fields = Query("AT+CSQ", "+CSQ:", 300);
            rssi = AtFields.IntAt(fields, 0, 99);
            ber = AtFields.IntAt(fields, 1, 99);
            return fields.Length >= 2;
        }

        /// <summary>Reads registration with each supported command; the read answer is "n,stat", the URC only "stat".</summary>
        public RegistrationState ReadRegistration()
        {
            RegistrationState best = RegistrationState.Unknown;
            string[] kinds = RegistrationKinds;
            for (int i = 0; i < kinds.Length; i++)
            {
                string[] fields = Query("AT" + kinds[i] + "?", kinds[i] + ":", 300);
                int stat = AtFields.IntAt(fields, 1, -1);
                if (stat == (int)RegistrationState.Home || stat == (int)RegistrationState.Roaming)
                {
                    best = (RegistrationState)stat;
                    break;
                }

                if (stat >= 0 && stat <= 5)
                {
                    best = (RegistrationState)stat;
                }
            }

            Registration = best;
            return best;
        }

        public static bool IsRegistered(RegistrationState state)
        {
            return state == RegistrationState.Home || state == RegistrationState.Roaming;
        }

        /// <summary>Polls registration every 2 s until registered, denied or timeoutMs passed.</summary>
        public bool WaitRegistered(int timeoutMs)
        {
            long deadline = Channel.Clock.UptimeMs + timeoutMs;
            while (true)
            {
                RegistrationState state = ReadRegistration();
                if (IsRegistered(state))
                {
                    return true;
                }

                if (state == RegistrationState.Denied || Channel.Clock.UptimeMs >= deadline)
                {
                    LastError = new ModemError(ModemErrorKind.NotReady, (int)state, "not registered (stat " + ((int)state).ToString() + ")");
                    return false;
                }

                Channel.Poll(2000);
            }
        }

        /// <summary>AT+CCLK? ("yy/MM/dd,hh:mm:ss±zz", zz in quarter hours) converted to UTC.</summary>
        public bool ReadNetworkTime(out DateTime utc)
        {
            utc = DateTime.MinValue;
            AtReply reply = Channel.Send("AT+CCLK?", "+CCLK:", 300);
            string text = reply.IsOk ? reply.Find("+CCLK:") : null;
            if (text == null || !NetworkTime.TryParse(AtFields.Unquote(text), out utc))
            {
                LastError = reply.IsOk ? new ModemError(ModemErrorKind.NotReady, -1, "no valid network time") : ModemError.FromReply("AT+CCLK?", reply);
                return false;
            }

            return true;
        }

        /// <summary>IMEI from AT+CGSN (a bare number, or "+CGSN: n" on some firmware).</summary>
        public string ReadImei()
        {
            return Identity("AT+CGSN", "+CGSN:");
        }

        public string ReadIccid()
        {
            return Identity("AT+QCCID", "+QCCID:");
        }

        public string ReadRevision()
        {
            return Identity("AT+CGMR", "Revision:");
        }

        /// <summary>Radio off and on again (AT+CFUN=0 / 1, up to 15 s each): the middle rung of the recovery ladder.</summary>
        public bool CycleRadio()
        {
            return Run("AT+CFUN=0", 15000) && Run("AT+CFUN=1", 15000);
        }

        /// <summary>Sends a command that only needs OK; keeps the typed error otherwise.</summary>
        protected bool Run(string command, int timeoutMs)
        {
            AtReply reply = Channel.Send(command, null, timeoutMs);
            if (!reply.IsOk)
            {
                LastError = ModemError.FromReply(command, reply);
            }

            return reply.IsOk;
        }

        /// <summary>The fields of the response line with prefix; empty on any failure (LastError set).</summary>
        protected string[] Query(string command, string prefix, int timeoutMs)
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

        private string Identity(string command, string prefix)
        {
            AtReply reply = Channel.Send(command, null, 300);
            if (!reply.IsOk || reply.LineCount == 0)
            {
                LastError = reply.IsOk ? new ModemError(ModemErrorKind.AtError, -1, command + ": empty") : ModemError.FromReply(command, reply);
                return null;
            }

            string found = reply.Find(prefix);
            return found != null ? found : reply.Line(0);
        }

        private void OnRegistrationUrc(string line)
        {
            // URC form "+CEREG: <stat>[,...]": the state is the first field (the read answer has n first).
            string[] fields = AtFields.Split(line.Substring(line.IndexOf(':') + 1));
            int stat = AtFields.IntAt(fields, 0, -1);
            if (stat >= 0 && stat <= 5)
            {
                Registration = (RegistrationState)stat;
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
