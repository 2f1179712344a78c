using StmNode.Ports;

namespace StmNode.Sensors
{
    /// <summary>
    /// The DHT11 behind <see cref="IHumiditySensor"/>: reads it every period, retries a failed read a few times
    /// (spaced out, because the sensor answers at most once a second), refuses implausible values, and lets a
    /// reading expire so a dead sensor is never reported with its last or default value.
    /// </summary>
    public sealed class ClimateSensor
    {
        /// <summary>The DHT11 needs about a second between reads; a retry sooner just returns the cached failure.</summary>
        public const int RetryDelayMs = 1500;

        private readonly IHumiditySensor _sensor;
        private long _nextReadMs;
        private int _attempts;
        private bool _hasReading;
        private long _readingMs;
        private double _temperature;
        private double _humidity;

        public ClimateSensor(IHumiditySensor sensor, int periodMs, int maxAgeMs, int retries)
        {
            _sensor = sensor;
            PeriodMs = periodMs;
            MaxAgeMs = maxAgeMs;
            Retries = retries;
            LastError = "";
        }

        public int PeriodMs { get; set; }

        public int MaxAgeMs { get; set; }

        /// <summary>Attempts per reading before it counts as failed.</summary>
        public int Retries { get; set; }

        /// <summary>Readings that failed after every retry.</summary>
        public int FailureCount { get; private set; }

        /// <summary>Why the last failed attempt failed ("" when none failed yet).</summary>
        public string LastError { get; private set; }

        /// <summary>Reads the sensor when a read is due; never blocks longer than one sensor read.</summary>
        public void Poll(long nowMs)
        {
            if (nowMs < _nextReadMs)
            {
                return;
            }

            double temperature;
            double humidity;
            string error;
            bool ok = _sensor.TryRead(out temperature, out humidity, out error);
            if (ok && !IsPlausible(temperature, humidity))
            {
                ok = false;
                error = "implausible reading";
            }

            if (ok)
            {
                _hasReading = true;
                _readingMs = nowMs;
                _temperature = temperature;
                _humidity = humidity;
                _attempts = 0;
                _nextReadMs = nowMs + PeriodMs;
                return;
            }

            LastError = error == null || error.Length == 0 ? "read failed" : error;
            _attempts++;
            if (_attempts < Retries)
            {
                _nextReadMs = nowMs + RetryDelayMs;
                return;
            }

            FailureCount++;
            _attempts = 0;
            _nextReadMs = nowMs + PeriodMs;
        }

        /// <summary>The last good reading, if it is not older than <see cref="MaxAgeMs"/>.</summary>
        public bool TryGet(long nowMs, out double temperatureCelsius, out double humidityPercent)
        {
            temperatureCelsius = _temperature;
            humidityPercent = _humidity;
            return _hasReading && nowMs - _readingMs <= MaxAgeMs;
        }

        // The DHT11 measures 0..50 °C and 20..90 %RH; a little margin, but a checksum-clean frame can still be nonsense.
        private static bool IsPlausible(double temperature, double humidity)
        {
            return temperature >= -20 && temperature <= 70 && humidity >= 0 && humidity <= 100;
        }
    }
}
