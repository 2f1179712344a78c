using System;
using Iot.Device.DHTxx.Esp32;
using StmNode.Ports;
using UnitsNet;

namespace StmNode.Adapters
{
    /// <summary>
    /// The DHT11 through the ESP32 RMT binding. The binding returns default values when a read fails, so the result
    /// counts only when IsLastReadSuccessful says so; Core retries and expires readings.
    /// </summary>
    public sealed class Dht11Sensor : IHumiditySensor
    {
        private const string NoFrame = "no valid frame (timeout or checksum)";

        private readonly Dht11 _dht;

        /// <param name="echoGpio">RMT receive pin, wired to DATA.</param>
        /// <param name="triggerGpio">Drive pin, wired to the same DATA line.</param>
        /// <remarks>The binding takes an RMT channel, opens the trigger pin on its own GpioController and waits 1 s for the sensor.</remarks>
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
                // Each getter starts a read (up to the RMT's 1 s receive timeout); within a second of a good frame the
                // binding answers from that frame, so both values come from the same reading. On a failed read the
                // getters return default values: the flag is checked before a value is used.
                Temperature temperature = _dht.Temperature;
                if (!_dht.IsLastReadSuccessful)
                {
                    error = NoFrame;
                    return false;
                }

                RelativeHumidity humidity = _dht.Humidity;
                if (!_dht.IsLastReadSuccessful)
                {
                    error = NoFrame;
                    return false;
                }

                temperatureCelsius = temperature.DegreesCelsius;
                humidityPercent = humidity.Percent;
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
