using System.Collections;
using StmNode.Cloud;
using StmNode.Config;
using StmNode.Leds;

namespace StmNode.Node
{
    /// <summary>
    /// What the node does with the commands, property sets and LED messages its cloud profile decoded; the product-model
    /// table (<see cref="Stm32Service"/>) says what each parameter or property changes. The profile has checked every
    /// name, type and range against the device model made from the same table, so values arrive as longs in range; only
    /// what one value cannot say is checked here (SET_LED's "led" without "state"). A request is applied whole or not at all.
    /// </summary>
    public sealed class DownlinkHandler
    {
        private const string SuccessText = "success";
        private const int Unchanged = -1;

        private readonly RuntimeSettings _settings;
        private readonly LedBank _leds;

        public DownlinkHandler(RuntimeSettings settings, LedBank leds)
        {
            _settings = settings;
            _leds = leds;
        }

        /// <summary>Reports asked for: an LED that changed, a REPORT_NOW. The node reports at once when this grows.</summary>
        public int ReportRequests { get; private set; }

        /// <summary>Runs a command; a success carries the response's parameters as they are after it.</summary>
        public Reply Execute(Downlink command)
        {
            ModelCommand model = Stm32Service.FindCommand(command.CommandName);
            if (model == null)
            {
                // Only a profile checking against another device model lets one through.
                return new Reply(1, "command " + command.CommandName + " is not known");
            }

            int[] leds = new int[] { Unchanged, Unchanged, Unchanged };
            int[] settings = _settings.Copy();
            int ledNumber = Unchanged;
            int ledState = Unchanged;
            for (int i = 0; i < model.Parameters.Length; i++)
            {
                ModelProperty parameter = model.Parameters[i];
                if (!command.Has(parameter.Name))
                {
                    continue;
                }

                int value = (int)command.GetLong(parameter.Name, Unchanged);
                if (parameter.Target == ModelTarget.LedNumber)
                {
                    ledNumber = value;
                }
                else if (parameter.Target == ModelTarget.LedState)
                {
                    ledState = value;
                }
                else
                {
                    Stage(parameter, value, leds, settings);
                }
            }

            if (ledNumber != Unchanged || ledState != Unchanged)
            {
                if (ledNumber < 1 || ledNumber > LedBank.Count || ledState == Unchanged)
                {
                    return new Reply(1, "'led' (1..3) and 'state' (0/1) go together");
                }

                if (leds[ledNumber - 1] != Unchanged)
                {
                    return new Reply(1, "LED" + ledNumber.ToString() + " is given twice");
                }

                leds[ledNumber - 1] = ledState;
            }

            Apply(leds, settings);
            if (model.ReportsNow)
            {
                ReportRequests++;
            }

            Reply reply = new Reply(0, SuccessText);
            for (int i = 0; i < model.ResponseParameters.Length; i++)
            {
                ModelProperty parameter = model.ResponseParameters[i];
                if (parameter.Target != ModelTarget.Result)
                {
                    reply.Add(parameter.Name, Current(parameter));
                }
            }

            return reply;
        }

        /// <summary>Applies a property set.</summary>
        public Reply ApplySet(Downlink set)
        {
            int[] leds = new int[] { Unchanged, Unchanged, Unchanged };
            int[] settings = _settings.Copy();
            foreach (DictionaryEntry entry in set.Parameters)
            {
                string name = (string)entry.Key;
                ModelProperty property = Stm32Service.FindWritable(name);
                if (property == null || !(entry.Value is long))
                {
                    return new Reply(1, name + " is not a writable property");
                }

                Stage(property, (int)(long)entry.Value, leds, settings);
            }

            Apply(leds, settings);
            return new Reply(0, "ok");
        }

        /// <summary>
        /// A message down carrying LED states. It has no answer of its own: the immediate report that follows a
        /// change acknowledges it. Returns false when it named no LED (nothing applied).
        /// </summary>
        public bool ApplyMessage(Downlink message)
        {
            int[] leds = new int[] { Unchanged, Unchanged, Unchanged };
            bool any = false;
            for (int i = 0; i < Stm32Service.Properties.Length; i++)
            {
                ModelProperty property = Stm32Service.Properties[i];
                if (property.Target == ModelTarget.Led && message.Has(property.Name))
                {
                    leds[property.Index - 1] = (int)message.GetLong(property.Name, 0);
                    any = true;
                }
            }

            if (any)
            {
                Apply(leds, _settings.Copy());
            }

            return any;
        }

        // Notes what a checked value changes; nothing is applied yet.
        private static void Stage(ModelProperty entry, int value, int[] leds, int[] settings)
        {
            if (entry.Target == ModelTarget.Led)
            {
                leds[entry.Index - 1] = value;
            }
            else if (RuntimeSettings.Holds(entry.Target))
            {
                RuntimeSettings.Stage(settings, entry.Target, value);
            }
        }

        private void Apply(int[] leds, int[] settings)
        {
            for (int i = 0; i < LedBank.Count; i++)
            {
                if (leds[i] != Unchanged && _leds.Set(i + 1, leds[i] == 1))
                {
                    ReportRequests++;
                }
            }

            _settings.Apply(settings);
        }

        // What a response parameter reports: the LED's state or the setting now in force.
        private long Current(ModelProperty entry)
        {
            if (entry.Target == ModelTarget.Led)
            {
                return _leds.IsOn(entry.Index) ? 1 : 0;
            }

            return RuntimeSettings.Holds(entry.Target) ? _settings.Get(entry.Target) : 0;
        }
    }
}
