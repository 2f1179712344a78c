using System;
using Iot.Device.DHTxx.Esp32;
using StmNode.Ports;

namespace StmNode.Adapters
{
    /// <summary>
    /// The DHT11 through the ESP32 RMT binding. The binding returns default values when a read fails, so the result
    /// counts only when IsLastReadSuccessful says so; Core retries and expires readings.
    /// </summary>
    public sealed class Dht11Sensor : IHumiditySensor
    {
        private readonly Dht11 _dht;

        /// <param name="echoGpio">RMT receive pin, wired to DATA.</param>
        /// <param name="triggerGpio">Drive pin, wired to the same DATA line.</param>
        public Dht11Sensor(int echoGpio, int triggerGpio)
        {
            _dht = new Dht11(echoGpio, triggerGpio);
        }

        public bool TryRead(out double temperatureCelsius, out double humidityPercent, out string error)
        {
            temperatureCelsius = 0;
            humidityPercent = 0;
            try
            {
                // Each getter triggers a read; within a second the binding answers from the same frame.
                double temperature = _dht.Temperature.DegreesCelsius;
                if (!_dht.IsLastReadSuccessful)
                {
                    error = "no valid frame (timeout or checksum)";
                    return false;
                }

                double humidity = _dht.Humidity.Percent;
                if (!_dht.IsLastReadSuccessful)
                {
                    error = "no valid frame (timeout or checksum)";
                    return false;
                }

                temperatureCelsius = temperature;
                humidityPercent = humidity;
                error = "";
                return true;
            }
            catch (Exception e)
            {
                error = "read failed: " + e.GetType().Name;
                return false;
            }
        }
    }
}
