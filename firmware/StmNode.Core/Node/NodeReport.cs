using System;
using System.Collections;

namespace StmNode.Node
{
    /// <summary>
    /// One properties report of one service, kept as names and values (boxed int, double, bool or string) until it
    /// is encoded for the cloud: reports wait in the offline buffer in this form, with the time they were made.
    /// </summary>
    public sealed class NodeReport
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _values = new ArrayList();

        public NodeReport(string serviceId, long createdUptimeMs)
        {
            ServiceId = serviceId;
            CreatedUptimeMs = createdUptimeMs;
        }

        public string ServiceId { get; private set; }

        /// <summary>Monotonic time the report was made; gives the event time later if the clock was not set yet.</summary>
        public long CreatedUptimeMs { get; private set; }

        public bool HasEventTime { get; private set; }

        public DateTime EventTimeUtc { get; private set; }

        public int Count
        {
            get { return _names.Count; }
        }

        public void SetEventTime(DateTime utc)
        {
            EventTimeUtc = utc;
            HasEventTime = true;
        }

        public string NameAt(int index)
        {
            return (string)_names[index];
        }

        /// <summary>A boxed int, double, bool or string.</summary>
        public object ValueAt(int index)
        {
            return _values[index];
        }

        public void AddInt(string name, int value)
        {
            _names.Add(name);
            _values.Add(value);
        }

        public void AddDouble(string name, double value)
        {
            _names.Add(name);
            _values.Add(value);
        }

        public void AddBool(string name, bool value)
        {
            _names.Add(name);
            _values.Add(value);
        }

        public void AddString(string name, string value)
        {
            _names.Add(name);
            _values.Add(value == null ? "" : value);
        }

        /// <summary>The value of a property, or null when the report does not have it.</summary>
        public object Find(string name)
        {
            for (int i = 0; i < _names.Count; i++)
            {
                if ((string)_names[i] == name)
                {
                    return _values[i];
                }
            }

            return null;
        }
    }
}
