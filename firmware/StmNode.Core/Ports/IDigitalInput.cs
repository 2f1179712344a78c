namespace StmNode.Ports
{
    /// <summary>A digital input pin (flame, water, light, MQ2 alarm): the raw electrical level.</summary>
    public interface IDigitalInput
    {
        /// <summary>True when the pin reads high.</summary>
        bool Read();
    }
}
