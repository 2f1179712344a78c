using System.Collections;
using StmNode.Config;
using StmNode.Leds;

namespace StmNode.Node
{
    /// <summary>
    /// What the node does with commands, property sets and LED messages: LED changes, the report period and the
    /// thresholds. Every request is checked completely before anything is applied, so a bad request changes nothing.
    /// LEDs are addressed as LED1..LED3 (0/1, "ON"/"OFF" or true/false), or as {"led": n, "state": s}.
    /// </summary>
    public sealed class DownlinkHandler
    {
        private const string SetLedResponse = "SET_LED_RSP";
        private const string SetIntervalResponse = "SET_INTERVAL_RSP";
        private const string ReportNowResponse = "REPORT_NOW_RSP";

        private readonly NodeConfig _config;
        private readonly LedBank _leds;

        public DownlinkHandler(NodeConfig config, LedBank leds)
        {
            _config = config;
            _leds = leds;
        }

        /// <summary>Set when an LED changed or a report was asked for; the node reports at once and clears it.</summary>
        public bool ReportRequested { get; set; }

        /// <summary>Set when a period or threshold changed; the node reschedules and clears it.</summary>
        public bool SettingsChanged { get; set; }

        /// <summary>Runs a command and says how it went.</summary>
        public CommandReply Execute(NodeDownlink command)
        {
            switch (command.CommandName)
            {
                case PropertyNames.SetLed:
                    return ExecuteSetLed(command.Paras);
                case PropertyNames.SetInterval:
                    return ExecuteSetInterval(command.Paras);
                case PropertyNames.ReportNow:
                    ReportRequested = true;
                    return Success(ReportNowResponse);
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
        /// A message down carrying LED states. It has no answer of its own: the immediate report that follows a
        /// change acknowledges it. Returns false when it named no LED or a bad value (nothing applied).
        /// </summary>
        public bool ApplyMessage(NodeDownlink message)
        {
            return ExecuteSetLed(message.Paras).ResultCode == 0;
        }

        private CommandReply ExecuteSetLed(Hashtable paras)
        {
            bool[] states = new bool[LedBank.Count];
            bool[] given = new bool[LedBank.Count];
            if (paras.Contains("led") || paras.Contains("state"))
            {
                int led = LedBank.ParseIndex(paras["led"]);
                if (led < 0)
                {
                    return Failure(SetLedResponse, "'led' must be 1, 2 or 3");
                }

                if (!LedBank.TryParseState(paras["state"], out states[led - 1]))
                {
                    return Failure(SetLedResponse, "'state' must be ON or OFF");
                }

                given[led - 1] = true;
            }

            bool any = false;
            for (int i = 0; i < LedBank.Count; i++)
            {
                string name = "LED" + (i + 1).ToString();
                if (paras.Contains(name))
                {
                    if (given[i] || !LedBank.TryParseState(paras[name], out states[i]))
                    {
                        return Failure(SetLedResponse, "'" + name + "' must be 0 or 1");
                    }

                    given[i] = true;
                }

                any |= given[i];
            }

            if (!any)
            {
                return Failure(SetLedResponse, "give LED1, LED2 or LED3 (0/1), or 'led' and 'state'");
            }

            ApplyLeds(states, given);
            return Success(SetLedResponse)
                .Add(PropertyNames.Led1, _leds.IsOn(1) ? "1" : "0")
                .Add(PropertyNames.Led2, _leds.IsOn(2) ? "1" : "0")
                .Add(PropertyNames.Led3, _leds.IsOn(3) ? "1" : "0");
        }

        private CommandReply ExecuteSetInterval(Hashtable paras)
        {
            int seconds;
            if (!TryInt(paras["seconds"], 10, 86400, out seconds))
            {
                return Failure(SetIntervalResponse, "'seconds' must be a whole number from 10 to 86400");
            }

            if (seconds != _config.ReportPeriodSeconds)
            {
                _config.ReportPeriodSeconds = seconds;
                SettingsChanged = true;
            }

            return Success(SetIntervalResponse).Add("seconds", seconds.ToString());
        }

        private void ApplyLeds(bool[] states, bool[] given)
        {
            for (int i = 0; i < LedBank.Count; i++)
            {
                if (given[i] && _leds.Set(i + 1, states[i]))
                {
                    ReportRequested = true;
                }
            }
        }

        private static CommandReply Success(string responseName)
        {
            return new CommandReply(0, responseName).Add("result", "success");
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
