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
            if (command.CommandName == Stm32Service.SetLed.Name)
            {
                return ExecuteSetLed(command.Paras);
            }

            if (command.CommandName == Stm32Service.SetInterval.Name)
            {
                return ExecuteSetInterval(command.Paras);
            }

            if (command.CommandName == Stm32Service.ReportNow.Name)
            {
                ReportRequested = true;
                return Success(Stm32Service.ReportNow.ResponseName);
            }

            return new CommandReply(1, "").Add("result", "error").Add("reason", "unknown command '" + command.CommandName + "'");
        }

        /// <summary>Applies a properties set; null when applied, else why nothing was.</summary>
        public string ApplySet(NodeDownlink set)
        {
            if (set.ServiceId.Length > 0 && set.ServiceId != Stm32Service.Id)
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
                ModelProperty property = Stm32Service.FindWritable(name);
                bool ok;
                switch (property == null ? ModelTarget.None : property.Target)
                {
                    case ModelTarget.Led:
                        ok = LedBank.TryParseState(value, out ledStates[property.Index - 1]);
                        ledGiven[property.Index - 1] = true;
                        break;
                    case ModelTarget.ReportPeriod:
                        ok = TryInt(value, property, out reportPeriod);
                        break;
                    case ModelTarget.DiagPeriod:
                        ok = TryInt(value, property, out diagPeriod);
                        break;
                    case ModelTarget.GasThreshold:
                        ok = TryInt(value, property, out gasThreshold);
                        break;
                    case ModelTarget.AlarmMinInterval:
                        ok = TryInt(value, property, out alarmInterval);
                        break;
                    default:
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
                    return Failure(Stm32Service.SetLed.ResponseName, "'led' must be 1, 2 or 3");
                }

                if (!LedBank.TryParseState(paras["state"], out states[led - 1]))
                {
                    return Failure(Stm32Service.SetLed.ResponseName, "'state' must be ON or OFF");
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
                        return Failure(Stm32Service.SetLed.ResponseName, "'" + name + "' must be 0 or 1");
                    }

                    given[i] = true;
                }

                any |= given[i];
            }

            if (!any)
            {
                return Failure(Stm32Service.SetLed.ResponseName, "give LED1, LED2 or LED3 (0/1), or 'led' and 'state'");
            }

            ApplyLeds(states, given);
            return Success(Stm32Service.SetLed.ResponseName)
                .Add(Stm32Service.Led1.Name, _leds.IsOn(1) ? "1" : "0")
                .Add(Stm32Service.Led2.Name, _leds.IsOn(2) ? "1" : "0")
                .Add(Stm32Service.Led3.Name, _leds.IsOn(3) ? "1" : "0");
        }

        private CommandReply ExecuteSetInterval(Hashtable paras)
        {
            int seconds;
            ModelProperty parameter = Stm32Service.SetInterval.Parameters[0];
            if (!TryInt(paras[parameter.Name], parameter, out seconds))
            {
                return Failure(Stm32Service.SetInterval.ResponseName, "'seconds' must be a whole number from "
                    + ((int)parameter.Min).ToString() + " to " + ((int)parameter.Max).ToString());
            }

            if (seconds != _config.ReportPeriodSeconds)
            {
                _config.ReportPeriodSeconds = seconds;
                SettingsChanged = true;
            }

            return Success(Stm32Service.SetInterval.ResponseName).Add("seconds", seconds.ToString());
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

        private static bool TryInt(object value, ModelProperty range, out int result)
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

            if (number != (long)number || number < range.Min || number > range.Max)
            {
                return false;
            }

            result = (int)number;
            return true;
        }
    }
}
