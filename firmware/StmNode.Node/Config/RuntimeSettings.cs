using StmNode.Node;

namespace StmNode.Config
{
    /// <summary>
    /// The settings the cloud may change while the node runs (report and diag periods, gas threshold, least time between
    /// alarm reports), starting from the configuration, which stays as it was loaded. <see cref="Changes"/> counts every
    /// change, so whoever depends on a setting notices one by comparing it with the count it last saw.
    /// </summary>
    public sealed class RuntimeSettings
    {
        // Indexed by ModelTarget, from ReportPeriod to AlarmMinInterval.
        private readonly int[] _values;

        public RuntimeSettings(NodeConfig config)
        {
            _values = new int[]
            {
                config.ReportPeriodSeconds, config.DiagPeriodSeconds, config.GasThresholdPercent, config.AlarmMinIntervalSeconds
            };
        }

        /// <summary>How many times a value changed.</summary>
        public int Changes { get; private set; }

        public int ReportPeriodSeconds
        {
            get { return _values[0]; }
        }

        public int DiagPeriodSeconds
        {
            get { return _values[1]; }
        }

        /// <summary>Gas level (percent) that raises the MQ2 alarm; 0: the comparator output only.</summary>
        public int GasThresholdPercent
        {
            get { return _values[2]; }
        }

        public int AlarmMinIntervalSeconds
        {
            get { return _values[3]; }
        }

        /// <summary>True for the model targets that are settings kept here.</summary>
        public static bool Holds(ModelTarget target)
        {
            return target >= ModelTarget.ReportPeriod && target <= ModelTarget.AlarmMinInterval;
        }

        /// <summary>The value of a setting (<see cref="Holds"/> must be true).</summary>
        public int Get(ModelTarget target)
        {
            return _values[target - ModelTarget.ReportPeriod];
        }

        /// <summary>A copy of the values, to stage a change in with <see cref="Stage"/> before <see cref="Apply"/>.</summary>
        public int[] Copy()
        {
            int[] copy = new int[_values.Length];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = _values[i];
            }

            return copy;
        }

        /// <summary>Notes a new value for a setting in a copy.</summary>
        public static void Stage(int[] staged, ModelTarget target, int value)
        {
            staged[target - ModelTarget.ReportPeriod] = value;
        }

        /// <summary>Takes every staged value at once; counts a change when any differs.</summary>
        public void Apply(int[] staged)
        {
            bool changed = false;
            for (int i = 0; i < _values.Length; i++)
            {
                changed |= staged[i] != _values[i];
                _values[i] = staged[i];
            }

            if (changed)
            {
                Changes++;
            }
        }
    }
}
