using System;
using StmNode.At;

namespace StmNode.Modems
{
    /// <summary>The network side of a Quectel modem: SIM, signal, registration, time, identity, radio cycle.</summary>
    public sealed partial class QuectelModem
    {
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

        /// <summary>AT+CESQ (BC26): the extended signal report (rxlev, ber, rscp, ecno, rsrq, rsrp).</summary>
        public bool ReadExtendedSignal(out int rsrq, out int rsrp)
        {
            string[] fields = Query("AT+CESQ", "+CESQ:", 300);
            rsrq = AtFields.IntAt(fields, 4, 255);
            rsrp = AtFields.IntAt(fields, 5, 255);
            return fields.Length >= 6;
        }

        /// <summary>Reads registration with each supported command; the read answer is "n,stat", the URC only "stat".</summary>
        public RegistrationState ReadRegistration()
        {
            RegistrationState best = RegistrationState.Unknown;
            string[] kinds = Model.RegistrationKinds;
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
    }
}
