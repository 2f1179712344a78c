using StmNode.Ports;

namespace StmNode.Tests.Fakes
{
    /// <summary>A 12-bit analog input whose value the test sets (-1 = failed read).</summary>
    public sealed class FakeAnalogInput : IAnalogInput
    {
        public int Value;

        public int MaxValue
        {
            get { return 4095; }
        }

        public int Read()
        {
            return Value;
        }
    }
}
