using StmNode.Ports;

namespace StmNode.Leds
{
    /// <summary>
    /// The node's three LEDs (numbered 1..3): keeps the state the cloud asked for and drives the pins.
    /// </summary>
    public sealed class LedBank
    {
        public const int Count = 3;

        private readonly IDigitalOutput[] _outputs;
        private readonly bool[] _states = new bool[Count];

        /// <summary>Starts with every LED off.</summary>
        public LedBank(IDigitalOutput led1, IDigitalOutput led2, IDigitalOutput led3)
        {
            _outputs = new IDigitalOutput[] { led1, led2, led3 };
            for (int i = 0; i < Count; i++)
            {
                _outputs[i].Write(false);
            }
        }

        /// <summary>How many times an LED actually changed state.</summary>
        public int ChangeCount { get; private set; }

        /// <summary>State of LED 1..3.</summary>
        public bool IsOn(int led)
        {
            return _states[led - 1];
        }

        /// <summary>Switches LED 1..3. Returns true when its state changed.</summary>
        public bool Set(int led, bool on)
        {
            // Drive the pin even when the state is unchanged, so a pin disturbed by anything else is corrected.
            _outputs[led - 1].Write(on);
            if (_states[led - 1] == on)
            {
                return false;
            }

            _states[led - 1] = on;
            ChangeCount++;
            return true;
        }
    }
}
