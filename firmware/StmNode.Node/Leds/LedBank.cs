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

        /// <summary>Accepts "ON"/"OFF" (any case), true/false and 1/0, as JSON strings, booleans or numbers.</summary>
        public static bool TryParseState(object value, out bool on)
        {
            on = false;
            if (value is bool)
            {
                on = (bool)value;
                return true;
            }

            if (value is int)
            {
                return FromNumber((int)value, out on);
            }

            if (value is long)
            {
                return FromNumber((long)value, out on);
            }

            if (value is double)
            {
                double number = (double)value;
                return (number == 0 || number == 1) && FromNumber((long)number, out on);
            }

            string text = value as string;
            if (text == null)
            {
                return false;
            }

            switch (text.ToUpper())
            {
                case "ON":
                case "TRUE":
                case "1":
                    on = true;
                    return true;
                case "OFF":
                case "FALSE":
                case "0":
                    on = false;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>LED number 1..3 from a number, "2" or "led2"; -1 when it names no LED.</summary>
        public static int ParseIndex(object value)
        {
            long number = -1;
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
                double d = (double)value;
                number = d == (long)d ? (long)d : -1;
            }
            else if (value is string)
            {
                string text = ((string)value).ToLower();
                if (text.Length == 4 && text.Substring(0, 3) == "led")
                {
                    text = text.Substring(3);
                }

                if (text.Length == 1 && text[0] >= '1' && text[0] <= '9')
                {
                    number = text[0] - '0';
                }
            }

            return number >= 1 && number <= Count ? (int)number : -1;
        }

        private static bool FromNumber(long number, out bool on)
        {
            on = number == 1;
            return number == 0 || number == 1;
        }
    }
}
