namespace StmNode.Config
{
    /// <summary>
    /// ESP32 GPIO numbers of every signal the node uses. The defaults are the wiring in hardware/pins.csv
    /// (a host test keeps the two in step); -1 means "not fitted".
    /// </summary>
    public sealed class PinMap
    {
        /// <summary>Signal names, as in the first column of hardware/pins.csv.</summary>
        public static readonly string[] Names = new string[]
        {
            "led1", "led2", "led3",
            "dht11_echo", "dht11_trigger",
            "mq2_analog", "mq2_digital", "flame", "water", "light",
            "ec20_rx", "ec20_tx", "ec20_pwrkey", "ec20_reset",
            "bc26_rx", "bc26_tx", "bc26_pwrkey", "bc26_reset"
        };

        public int Led1 = 25;
        public int Led2 = 26;
        public int Led3 = 27;

        /// <summary>The ESP32 DHT binding needs two GPIOs wired together to the DHT11 data pin: RMT receive (echo) and drive (trigger).</summary>
        public int Dht11Echo = 21;
        public int Dht11Trigger = 22;

        /// <summary>MQ2 analog output: GPIO34 is ADC1 channel 6 (ADC2 does not work while Wi-Fi runs).</summary>
        public int Mq2Analog = 34;
        public int Mq2Digital = 35;
        public int Flame = 32;
        public int Water = 36;
        public int Light = 39;

        /// <summary>
        /// EC20 on COM2: ESP32 receives on Ec20Rx (modem TXD) and sends on Ec20Tx (modem RXD). Not GPIO16/17: WROVER
        /// modules wire them to their PSRAM (hardware/README.md). GPIO14 has no strapping role; GPIO5 is a strapping
        /// pin whose boot level (high, its pull-up) is what an idle modem RXD input leaves it at.
        /// </summary>
        public int Ec20Rx = 14;
        public int Ec20Tx = 5;
        public int Ec20PwrKey = 18;
        public int Ec20Reset = 19;

        /// <summary>BC26 on COM3.</summary>
        public int Bc26Rx = 13;
        public int Bc26Tx = 23;
        public int Bc26PwrKey = 4;
        public int Bc26Reset = 33;

        /// <summary>The GPIO of a signal by its name in <see cref="Names"/>; -2 for an unknown name.</summary>
        public int Get(string name)
        {
            switch (name)
            {
                case "led1": return Led1;
                case "led2": return Led2;
                case "led3": return Led3;
                case "dht11_echo": return Dht11Echo;
                case "dht11_trigger": return Dht11Trigger;
                case "mq2_analog": return Mq2Analog;
                case "mq2_digital": return Mq2Digital;
                case "flame": return Flame;
                case "water": return Water;
                case "light": return Light;
                case "ec20_rx": return Ec20Rx;
                case "ec20_tx": return Ec20Tx;
                case "ec20_pwrkey": return Ec20PwrKey;
                case "ec20_reset": return Ec20Reset;
                case "bc26_rx": return Bc26Rx;
                case "bc26_tx": return Bc26Tx;
                case "bc26_pwrkey": return Bc26PwrKey;
                case "bc26_reset": return Bc26Reset;
                default: return -2;
            }
        }

        /// <summary>Sets a signal's GPIO by name; false for an unknown name.</summary>
        public bool Set(string name, int gpio)
        {
            switch (name)
            {
                case "led1": Led1 = gpio; return true;
                case "led2": Led2 = gpio; return true;
                case "led3": Led3 = gpio; return true;
                case "dht11_echo": Dht11Echo = gpio; return true;
                case "dht11_trigger": Dht11Trigger = gpio; return true;
                case "mq2_analog": Mq2Analog = gpio; return true;
                case "mq2_digital": Mq2Digital = gpio; return true;
                case "flame": Flame = gpio; return true;
                case "water": Water = gpio; return true;
                case "light": Light = gpio; return true;
                case "ec20_rx": Ec20Rx = gpio; return true;
                case "ec20_tx": Ec20Tx = gpio; return true;
                case "ec20_pwrkey": Ec20PwrKey = gpio; return true;
                case "ec20_reset": Ec20Reset = gpio; return true;
                case "bc26_rx": Bc26Rx = gpio; return true;
                case "bc26_tx": Bc26Tx = gpio; return true;
                case "bc26_pwrkey": Bc26PwrKey = gpio; return true;
                case "bc26_reset": Bc26Reset = gpio; return true;
                default: return false;
            }
        }

        /// <summary>ADC1 channel of a GPIO (ESP32: 36→0, 37→1, 38→2, 39→3, 32→4, 33→5, 34→6, 35→7); -1 when the pin is not on ADC1.</summary>
        public static int Adc1Channel(int gpio)
        {
            switch (gpio)
            {
                case 36: return 0;
                case 37: return 1;
                case 38: return 2;
                case 39: return 3;
                case 32: return 4;
                case 33: return 5;
                case 34: return 6;
                case 35: return 7;
                default: return -1;
            }
        }
    }
}
