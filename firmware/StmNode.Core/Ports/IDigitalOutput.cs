namespace StmNode.Ports
{
    /// <summary>A digital output pin (LEDs, modem PWRKEY and RESET).</summary>
    public interface IDigitalOutput
    {
        /// <summary>Drives the pin high (true) or low (false).</summary>
        void Write(bool high);
    }
}
