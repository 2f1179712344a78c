using StmNode.Config;
using StmNode.Node;
using StmNode.Ports;

namespace StmNode.Sensors
{
    /// <summary>
    /// All sensors of the node, polled together: tells when an alarm input (gas, flame, water) changed, and writes
    /// the current readings into a report, leaving out whatever failed or is stale. Switch-like readings are 0/1.
    /// </summary>
    public sealed class SensorBoard
    {
        private readonly ClimateSensor _climate;
        private readonly GasSensor _gas;
        private readonly DebouncedInput _flame;
        private readonly DebouncedInput _water;
        private readonly DebouncedInput _light;
        private readonly DebouncedInput _gasDigital;

        /// <summary>Any input may be null when the sensor is not fitted.</summary>
        public SensorBoard(NodeConfig config, IHumiditySensor dht, IDigitalInput gasDigital, IAnalogInput gasAnalog,
            IDigitalInput flame, IDigitalInput water, IDigitalInput light)
        {
            if (dht != null)
            {
                _climate = new ClimateSensor(dht, config.DhtPeriodSeconds * 1000, config.DhtMaxAgeSeconds * 1000, config.DhtRetries);
            }

            _gasDigital = gasDigital == null ? null : new DebouncedInput(gasDigital, config.GasActiveHigh, config.DebounceMs);
            if (gasDigital != null || gasAnalog != null)
            {
                _gas = new GasSensor(_gasDigital, gasAnalog, config.GasThresholdPercent);
            }

            _flame = flame == null ? null : new DebouncedInput(flame, config.FlameActiveHigh, config.DebounceMs);
            _water = water == null ? null : new DebouncedInput(water, config.WaterActiveHigh, config.DebounceMs);
            _light = light == null ? null : new DebouncedInput(light, config.LightActiveHigh, config.DebounceMs);
        }

        /// <summary>Reports that left out a fitted sensor because it had failed or its reading was stale.</summary>
        public int OmittedCount { get; private set; }

        /// <summary>Failed DHT11 readings plus failed MQ2 analog reads.</summary>
        public int ErrorCount
        {
            get
            {
                return (_climate == null ? 0 : _climate.FailureCount) + (_gas == null ? 0 : _gas.AnalogFailures);
            }
        }

        public string LastError
        {
            get { return _climate == null ? "" : _climate.LastError; }
        }

        public bool GasAlarm
        {
            get { return _gas != null && _gas.IsAlarm; }
        }

        public bool Flame
        {
            get { return _flame != null && _flame.IsActive; }
        }

        public bool Water
        {
            get { return _water != null && _water.IsActive; }
        }

        /// <summary>Takes a new gas level (percent) that raises the MQ2 alarm (0: the comparator output only).</summary>
        public void SetGasThreshold(int percent)
        {
            if (_gas != null)
            {
                _gas.ThresholdPercent = percent;
            }
        }

        /// <summary>Samples every sensor. Returns true when gas, flame or water changed state.</summary>
        public bool Poll(long nowMs)
        {
            if (_climate != null)
            {
                _climate.Poll(nowMs);
            }

            bool edge = false;
            if (_gas != null && _gas.Poll(nowMs))
            {
                edge = true;
            }

            if (_flame != null && _flame.Poll(nowMs))
            {
                edge = true;
            }

            if (_water != null && _water.Poll(nowMs))
            {
                edge = true;
            }

            if (_light != null)
            {
                _light.Poll(nowMs);
            }

            return edge;
        }

        /// <summary>Adds the current readings to a report.</summary>
        public void AddTo(NodeReport report, long nowMs)
        {
            bool omitted = false;
            if (_climate != null)
            {
                double temperature;
                double humidity;
                if (_climate.TryGet(nowMs, out temperature, out humidity))
                {
                    report.AddDouble(Stm32Service.Temperature.Name, temperature);
                    report.AddDouble(Stm32Service.Humidity.Name, humidity);
                }
                else
                {
                    omitted = true;
                }
            }

            if (_gas != null && !_gas.HasReading)
            {
                omitted = true;
            }
            else if (_gas != null)
            {
                report.AddInt(Stm32Service.GasAlarm.Name, _gas.IsAlarm ? 1 : 0);
                if (_gas.LevelPercent >= 0)
                {
                    report.AddInt(Stm32Service.GasLevel.Name, _gas.LevelPercent);
                }
            }

            if (_flame != null)
            {
                report.AddInt(Stm32Service.Flame.Name, _flame.IsActive ? 1 : 0);
            }

            if (_water != null)
            {
                report.AddInt(Stm32Service.Water.Name, _water.IsActive ? 1 : 0);
            }

            if (_light != null)
            {
                report.AddInt(Stm32Service.Light.Name, _light.IsActive ? 1 : 0);
            }

            if (omitted)
            {
                OmittedCount++;
            }
        }
    }
}
