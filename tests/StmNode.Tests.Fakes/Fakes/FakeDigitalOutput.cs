using StmNode.Ports;

namespace StmNode.Tests.Fakes
{
    /// <summary>Records what was written to an output pin.</summary>
    public sealed class FakeDigitalOutput : IDigitalOutput
    {
        public bool Level { get; private set; }

        public int Writes { get; private set; }

        public void Write(bool high)
        {
            Level = high;
            Writes++;
        }
    }
}
