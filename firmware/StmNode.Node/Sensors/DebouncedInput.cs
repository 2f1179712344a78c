using StmNode.Ports;

namespace StmNode.Sensors
{
    /// <summary>
    /// A digital sensor output (flame, water, light, MQ2 DO) turned into a stable "active" state: the level must
    /// hold for the debounce time before a change is believed, so contact bounce and comparator chatter
    /// do not flood the cloud with alarm reports.
    /// </summary>
    public sealed class DebouncedInput
    {
        private readonly IDigitalInput _input;
        private bool _started;
        private bool _stable;
        private bool _candidate;
        private long _candidateSinceMs;

        /// <param name="activeHigh">True when a high level means "active" (alarm, light); the LM393 modules are active low.</param>
        public DebouncedInput(IDigitalInput input, bool activeHigh, int debounceMs)
        {
            _input = input;
            ActiveHigh = activeHigh;
            DebounceMs = debounceMs;
        }

        public bool ActiveHigh { get; set; }

        public int DebounceMs { get; set; }

        /// <summary>The debounced state; false until the first <see cref="Poll"/>.</summary>
        public bool IsActive
        {
            get { return _stable; }
        }

        /// <summary>Samples the pin. Returns true when the debounced state changed (an edge).</summary>
        public bool Poll(long nowMs)
        {
            bool active = _input.Read() == ActiveHigh;
            if (!_started)
            {
                // The level at start-up is the initial state, not an edge.
                _started = true;
                _stable = active;
                _candidate = active;
                _candidateSinceMs = nowMs;
                return false;
            }

            if (active != _candidate)
            {
                _candidate = active;
                _candidateSinceMs = nowMs;
            }

            if (_candidate != _stable && nowMs - _candidateSinceMs >= DebounceMs)
            {
                _stable = _candidate;
                return true;
            }

            return false;
        }
    }
}
