using StmNode.Ports;

namespace StmNode.Tests.Fakes
{
    /// <summary>A DHT11 stand-in: succeeds with the set values or fails with the set reason; counts reads.</summary>
    public sealed class FakeHumiditySensor : IHumiditySensor
    {
        public bool Ok = true;
        public double Temperature = 21.5;
        public double Humidity = 40;
        public string Error = "no response";

        public int Reads { get; private set; }

        public bool TryRead(out double temperatureCelsius, out double humidityPercent, out string error)
        {
            Reads++;
            if (Ok)
            {
                temperatureCelsius = Temperature;
                humidityPercent = Humidity;
                error = "";
                return true;
            }

            // What the nanoFramework binding hands back on a failed read: default values, which must never be used.
            temperatureCelsius = 0;
            humidityPercent = 0;
            error = Error;
            return false;
        }
    }
}
