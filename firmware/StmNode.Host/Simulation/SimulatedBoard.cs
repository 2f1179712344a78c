using System;
using StmNode.Config;
using StmNode.Leds;
using StmNode.Ports;
using StmNode.Sensors;

namespace StmNode.Host.Simulation
{
    /// <summary>
    /// The sensor board on a PC: sensor values that a person, a script or a test changes at any time from any thread,
    /// seen by Core through the same ports the ESP32 adapters implement, at the same electrical levels (the comparator
    /// modules pull DO low when triggered unless the node config says otherwise), and three LEDs that tell when Core
    /// drives them.
    /// </summary>
    public sealed class SimulatedBoard
    {
        /// <summary>The ESP32's 12-bit ADC.</summary>
        public const int AdcMax = 4095;

        /// <summary>MQ2 level while gas is triggered: well above the default alarm threshold.</summary>
        public const int GasTriggeredPercent = 80;

        /// <summary>MQ2 level in clean air.</summary>
        public const int GasCleanPercent = 10;

        private readonly object _gate = new object();
        private readonly bool _gasActiveHigh;
        private readonly bool _flameActiveHigh;
        private readonly bool _waterActiveHigh;
        private readonly bool _lightActiveHigh;
        private readonly bool[] _leds = new bool[LedBank.Count];
        private double _temperature = 22.0;
        private double _humidity = 55.0;
        private bool _dhtFails;
        private bool _gas;
        private int _gasLevelPercent = GasCleanPercent;
        private bool _flame;
        private bool _water;
        private bool _light = true;

        /// <summary>The active levels come from the node config, as the real board's wiring would.</summary>
        public SimulatedBoard(NodeConfig config)
        {
            ArgumentNullException.ThrowIfNull(config);
            _gasActiveHigh = config.GasActiveHigh;
            _flameActiveHigh = config.FlameActiveHigh;
            _waterActiveHigh = config.WaterActiveHigh;
            _lightActiveHigh = config.LightActiveHigh;
            Dht = new Dht11(this);
            GasDigital = new Input(this, () => _gas, _gasActiveHigh);
            GasAnalog = new Analog(this);
            FlameInput = new Input(this, () => _flame, _flameActiveHigh);
            WaterInput = new Input(this, () => _water, _waterActiveHigh);
            LightInput = new Input(this, () => _light, _lightActiveHigh);
            Led1 = new LedOutput(this, 1);
            Led2 = new LedOutput(this, 2);
            Led3 = new LedOutput(this, 3);
        }

        /// <summary>Core switched an LED (led 1..3, on). Raised on Core's thread only when the state changed.</summary>
        public event Action<int, bool> LedChanged;

        public IHumiditySensor Dht { get; }

        public IDigitalInput GasDigital { get; }

        public IAnalogInput GasAnalog { get; }

        public IDigitalInput FlameInput { get; }

        public IDigitalInput WaterInput { get; }

        public IDigitalInput LightInput { get; }

        public IDigitalOutput Led1 { get; }

        public IDigitalOutput Led2 { get; }

        public IDigitalOutput Led3 { get; }

        public double TemperatureC
        {
            get { lock (_gate) { return _temperature; } }
            set { lock (_gate) { _temperature = value; } }
        }

        public double HumidityPercent
        {
            get { lock (_gate) { return _humidity; } }
            set { lock (_gate) { _humidity = value; } }
        }

        /// <summary>While true the DHT11 does not answer (the node must leave temperature and humidity out).</summary>
        public bool DhtFails
        {
            get { lock (_gate) { return _dhtFails; } }
            set { lock (_gate) { _dhtFails = value; } }
        }

        /// <summary>Gas present: the MQ2's DO is triggered and its analog level jumps above the alarm threshold.</summary>
        public bool Gas
        {
            get { lock (_gate) { return _gas; } }
            set
            {
                lock (_gate)
                {
                    _gas = value;
                    _gasLevelPercent = value ? GasTriggeredPercent : GasCleanPercent;
                }
            }
        }

        /// <summary>MQ2 analog level 0..100 % of full scale.</summary>
        public int GasLevelPercent
        {
            get { lock (_gate) { return _gasLevelPercent; } }
            set { lock (_gate) { _gasLevelPercent = Math.Clamp(value, 0, 100); } }
        }

        public bool Flame
        {
            get { lock (_gate) { return _flame; } }
            set { lock (_gate) { _flame = value; } }
        }

        public bool Water
        {
            get { lock (_gate) { return _water; } }
            set { lock (_gate) { _water = value; } }
        }

        /// <summary>True when it is bright.</summary>
        public bool Light
        {
            get { lock (_gate) { return _light; } }
            set { lock (_gate) { _light = value; } }
        }

        /// <summary>The state Core last drove LED 1..3 to.</summary>
        public bool IsLedOn(int led)
        {
            lock (_gate)
            {
                return _leds[led - 1];
            }
        }

        /// <summary>Core's sensor board over this board's inputs, as the ESP32 composition root builds it.</summary>
        public SensorBoard CreateSensorBoard(NodeConfig config) =>
            new SensorBoard(config, Dht, GasDigital, GasAnalog, FlameInput, WaterInput, LightInput);

        /// <summary>Core's LED bank over this board's outputs (switches every LED off, as at boot).</summary>
        public LedBank CreateLedBank() => new LedBank(Led1, Led2, Led3);

        private void Drive(int led, bool high)
        {
            bool changed;
            lock (_gate)
            {
                changed = _leds[led - 1] != high;
                _leds[led - 1] = high;
            }

            if (changed)
            {
                LedChanged?.Invoke(led, high);
            }
        }

        /// <summary>A comparator output: high when the condition equals the module's active level.</summary>
        private sealed class Input : IDigitalInput
        {
            private readonly SimulatedBoard _board;
            private readonly Func<bool> _active;
            private readonly bool _activeHigh;

            public Input(SimulatedBoard board, Func<bool> active, bool activeHigh)
            {
                _board = board;
                _active = active;
                _activeHigh = activeHigh;
            }

            public bool Read()
            {
                lock (_board._gate)
                {
                    return _active() == _activeHigh;
                }
            }
        }

        private sealed class Analog : IAnalogInput
        {
            private readonly SimulatedBoard _board;

            public Analog(SimulatedBoard board)
            {
                _board = board;
            }

            public int MaxValue => AdcMax;

            public int Read() => (int)((_board.GasLevelPercent * (long)AdcMax + 50) / 100);
        }

        private sealed class Dht11 : IHumiditySensor
        {
            private readonly SimulatedBoard _board;

            public Dht11(SimulatedBoard board)
            {
                _board = board;
            }

            public bool TryRead(out double temperatureCelsius, out double humidityPercent, out string error)
            {
                lock (_board._gate)
                {
                    // The DHT11 reports whole degrees and percent.
                    temperatureCelsius = Math.Round(_board._temperature);
                    humidityPercent = Math.Round(_board._humidity);
                    error = _board._dhtFails ? "no response from DHT11 (simulated)" : null;
                    return !_board._dhtFails;
                }
            }
        }

        /// <summary>An LED wired active high through its resistor: high lights it.</summary>
        private sealed class LedOutput : IDigitalOutput
        {
            private readonly SimulatedBoard _board;
            private readonly int _led;

            public LedOutput(SimulatedBoard board, int led)
            {
                _board = board;
                _led = led;
            }

            public void Write(bool high) => _board.Drive(_led, high);
        }
    }
}
