using System.Collections;
using StmNode.Ports;

namespace StmNode.Tests.Fakes
{
    /// <summary>An output pin that records each write with the virtual time it happened ("high@0", "low@600").</summary>
    public sealed class RecordingOutput : IDigitalOutput
    {
        private readonly ManualClock _clock;
        private readonly ArrayList _writes = new ArrayList();

        public RecordingOutput(ManualClock clock)
        {
            _clock = clock;
        }

        public int Count
        {
            get { return _writes.Count; }
        }

        public string this[int index]
        {
            get { return (string)_writes[index]; }
        }

        public void Write(bool high)
        {
            _writes.Add((high ? "high@" : "low@") + _clock.UptimeMs.ToString());
        }
    }
}
