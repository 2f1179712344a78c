using StmNode.Ports;

namespace StmNode.Tests.Fakes
{
    /// <summary>A digital input whose level the test sets.</summary>
    public sealed class FakeDigitalInput : IDigitalInput
    {
        public bool Level;

        public FakeDigitalInput(bool level)
        {
            Level = level;
        }

        public bool Read()
        {
            return Level;
        }
    }
}
