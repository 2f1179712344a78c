namespace StmNode.Ports
{
    /// <summary>An analog input (MQ2 level): raw ADC counts.</summary>
    public interface IAnalogInput
    {
        /// <summary>Full-scale count (4095 for the ESP32's 12-bit ADC).</summary>
        int MaxValue { get; }

        /// <summary>Reads one sample in the range 0..<see cref="MaxValue"/>; returns -1 when the read failed.</summary>
        int Read();
    }
}
