using System.Collections;
using StmNode.Config;
using StmNode.Leds;

namespace StmNode.Node
{
    /// <summary>
    /// What the node does with commands, property sets and messages: LED changes and new periods or thresholds.
    /// Every request is checked completely before anything is applied, so a bad request changes nothing.
    /// </summary>
    public sealed class DownlinkHandler
    {
        public const string SetLed = "SET_LED";
        public const string SetLeds = "SET_LEDS";

        private readonly NodeConfig _config;
        private readonly LedBank _leds;

        public DownlinkHandler(NodeConfig config, LedBank leds)
        {
            _config = config;
            _leds = leds;
        }

        /// <summary>Set when an LED changed; the node reports at once and clears it.</summary>
        public bool LedsChanged { get; set; }

        /// <summary>Set when a period or threshold changed; the node reschedules and clears it.</summary>
        public bool SettingsChanged { get; set; }

        /// <summary>Runs a command and says how it went.</summary>
        public CommandReply Execute(NodeDownlink command)
        {
            switch (command.CommandName)
            {
                case SetLed:
                    return ExecuteSetLed(command.Paras);
                case SetLeds:
                    return ExecuteSetLeds(command.Paras);
                default:
                    return new CommandReply(1, "").Add("result", "error").Add("reason", "unknown command '" + command.CommandName + "'");
            }
        }

        /// <summary>Applies a properties set; null when applied, else why nothing was.</summary>
        public string ApplySet(NodeDownlink set)
        {
            if (set.ServiceId.Length > 0 && set.ServiceId != PropertyNames.Service)
            {
                return "unknown service '" + set.ServiceId + "'";
            }

            if (set.Paras.Count == 0)
            {
                return "no properties";
            }

            bool[] ledStates = new bool[LedBank.Count];
            bool[] ledGiven = new bool[LedBank.Count];
            int reportPeriod = _config.ReportPeriodSeconds;
            int diagPeriod = _config.DiagPeriodSeconds;
            int gasThreshold = _config.GasThresholdPercent;
            int alarmInterval = _config.AlarmMinIntervalSeconds;
            foreach (DictionaryEntry entry in set.Paras)
            {
                string name = (string)entry.Key;
                object value = entry.Value;
                int led = LedNumber(name);
                bool ok;
                if (led > 0)
                {
                    ok = LedBank.TryParseState(value, out ledStates[led - 1]);
                    ledGiven[led - 1] = true;
                }
                else if (name == PropertyNames.ReportPeriod)
                {
                    ok = TryInt(value, 5, 86400, out reportPeriod);
                }
                else if (name == PropertyNames.DiagPeriod)
                {
                    ok = TryInt(value, 10, 86400, out diagPeriod);
                }
                else if (name == PropertyNames.GasThreshold)
                {
                    ok = TryInt(value, 0, 100, out gasThreshold);
                }
                else if (name == PropertyNames.AlarmMinInterval)
                {
                    ok = TryInt(value, 0, 3600, out alarmInterval);
                }
                else
                {
                    return "unknown property '" + name + "'";
                }

                if (!ok)
                {
                    return "bad value for '" + name + "'";
                }
            }

            ApplyLeds(ledStates, ledGiven);
            if (reportPeriod != _config.ReportPeriodSeconds || diagPeriod != _config.DiagPeriodSeconds
                || gasThreshold != _config.GasThresholdPercent || alarmInterval != _config.AlarmMinIntervalSeconds)
            {
                _config.ReportPeriodSeconds = reportPeriod;
                _config.DiagPeriodSeconds = diagPeriod;
                _config.GasThresholdPercent = gasThreshold;
                _config.AlarmMinIntervalSeconds = alarmInterval;
                SettingsChanged = true;
            }

            return null;
        }

        /// <summary>
        /// A message down may carry {"led": n, "state": s} or any of led1..led3; anything else is ignored. The change
        /// is acknowledged by the immediate report that follows it.
        /// </summary>
        public bool ApplyMessage(NodeDownlink message)
        {
            CommandReply reply = message.Paras.Contains("led") ? ExecuteSetLed(message.Paras) : ExecuteSetLeds(message.Paras);
            return reply.ResultCode == 0;
        }

        private CommandReply ExecuteSetLed(Hashtable paras)
        {
            const string Response = "SET_LED_RSP";
            int led = LedBank.ParseIndex(paras["led"]);
            if (led < 0)
            {
                return Failure(Response, "'led' must be 1, 2 or 3");
            }

            bool on;
            if (!LedBank.TryParseState(paras["state"], out on))
            {
                return Failure(Response, "'state' must be ON or OFF");
            }

            if (_leds.Set(led, on))
            {
                LedsChanged = true;
            }

            return new CommandReply(0, Response).Add("result", "success").Add("led", "led" + led.ToString()).Add("state", LedBank.StateName(on));
        }

        // SET_LEDS sets all three at once: "state" for every LED, and/or led1..led3 individually (these win).
        private CommandReply ExecuteSetLeds(Hashtable paras)
        {
            const string Response = "SET_LEDS_RSP";
            bool[] states = new bool[LedBank.Count];
            bool[] given = new bool[LedBank.Count];
            bool any = false;
            if (paras.Contains("state"))
            {
                bool all;
                if (!LedBank.TryParseState(paras["state"], out all))
                {
                    return Failure(Response, "'state' must be ON or OFF");
                }

                for (int i = 0; i < LedBank.Count; i++)
                {
                    states[i] = all;
                    given[i] = true;
                }

                any = true;
            }

            for (int i = 0; i < LedBank.Count; i++)
            {
                string name = "led" + (i + 1).ToString();
                if (paras.Contains(name))
                {
                    if (!LedBank.TryParseState(paras[name], out states[i]))
                    {
                        return Failure(Response, "'" + name + "' must be ON or OFF");
                    }

                    given[i] = true;
                    any = true;
                }
            }

            if (!any)
            {
                return Failure(Response, "give 'state' or any of led1, led2, led3");
            }

            ApplyLeds(states, given);
            return new CommandReply(0, Response).Add("result", "success")
                .Add("led1", LedBank.StateName(_leds.IsOn(1)))
                .Add("led2", LedBank.StateName(_leds.IsOn(2)))
                .Add("led3", LedBank.StateName(_leds.IsOn(3)));
        }

        private void ApplyLeds(bool[] states, bool[] given)
        {
            for (int i = 0; i < LedBank.Count; i++)
            {
                if (given[i] && _leds.Set(i + 1, states[i]))
                {
                    LedsChanged = true;
                }
            }
        }

        private static CommandReply Failure(string responseName, string reason)
        {
            return new CommandReply(1, responseName).Add("result", "error").Add("reason", reason);
        }

        private static int LedNumber(string name)
        {
            switch (name)
            {
                case PropertyNames.Led1: return 1;
                case PropertyNames.Led2: return 2;
                case PropertyNames.Led3: return 3;
                default: return 0;
            }
        }

        private static bool TryInt(object value, int min, int max, out int result)
        {
            result = 0;
            double number;
            if (value is int)
            {
                number = (int)value;
            }
            else if (value is long)
            {
                number = (long)value;
            }
            else if (value is double)
            {
                number = (double)value;
            }
            else
            {
                return false;
            }

            if (number != (long)number || number < min || number > max)
            {
                return false;
            }

            result = (int)number;
            return true;
        }
    }
}
