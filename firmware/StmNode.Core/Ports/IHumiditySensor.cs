namespace StmNode.Ports
{
    /// <summary>A temperature and humidity sensor (the DHT11).</summary>
    public interface IHumiditySensor
    {
        /// <summary>
        /// Reads the sensor. Returns false with a reason when the read failed; the out values are then
        /// meaningless and must never be reported.
        /// </summary>
        bool TryRead(out double temperatureCelsius, out double humidityPercent, out string error);
    }
}
