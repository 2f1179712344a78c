using StmNode.Ports;

namespace StmNode.Sensors
{
    /// <summary>
    /// The MQ2 module: its comparator output (DO) as a debounced alarm, and its analog output (AO) as a level in
    /// percent of full scale, which also raises the alarm at or above a threshold (with a small hysteresis).
    /// </summary>
    public sealed class GasSensor
    {
        /// <summary>The analog alarm clears only this many percent below the threshold, so noise does not toggle it.</summary>
        public const int HysteresisPercent = 5;

        private readonly DebouncedInput _digital;
        private readonly IAnalogInput _analog;
        private bool _analogAlarm;
        private bool _alarm;

        /// <param name="digital">The DO input, or null when not wired.</param>
        /// <param name="analog">The AO input, or null when not wired.</param>
        public GasSensor(DebouncedInput digital, IAnalogInput analog, int thresholdPercent)
        {
            _digital = digital;
            _analog = analog;
            ThresholdPercent = thresholdPercent;
            LevelPercent = -1;
        }

        /// <summary>0 disables the analog alarm.</summary>
        public int ThresholdPercent { get; set; }

        public bool IsAlarm
        {
            get { return _alarm; }
        }

        /// <summary>Last analog level 0..100, or -1 when there is none (not wired, or the last read failed).</summary>
        public int LevelPercent { get; private set; }

        public int AnalogFailures { get; private set; }

        /// <summary>True when the alarm rests on a live source: DO is wired, or the last analog read worked.</summary>
        public bool HasReading
        {
            get { return _digital != null || LevelPercent >= 0; }
        }

        /// <summary>Samples both outputs. Returns true when the alarm state changed.</summary>
        public bool Poll(long nowMs)
        {
            if (_digital != null)
            {
                _digital.Poll(nowMs);
            }

            if (_analog != null)
            {
                int raw = _analog.Read();
                int max = _analog.MaxValue;
                if (raw < 0 || max <= 0 || raw > max)
                {
                    AnalogFailures++;
                    LevelPercent = -1;
                }
                else
                {
                    LevelPercent = (int)((raw * 100L + max / 2) / max);
                }
            }

            // A failed read (LevelPercent -1) leaves the analog alarm as it was: one glitch is not an all-clear.
            if (ThresholdPercent <= 0)
            {
                _analogAlarm = false;
            }
            else if (LevelPercent >= ThresholdPercent)
            {
                _analogAlarm = true;
            }
            else if (LevelPercent >= 0 && LevelPercent < ThresholdPercent - HysteresisPercent)
            {
                _analogAlarm = false;
            }

            bool alarm = _analogAlarm || (_digital != null && _digital.IsActive);
            bool changed = alarm != _alarm;
            _alarm = alarm;
            return changed;
        }
    }
}
