using System.Collections;

namespace StmNode.Node
{
    /// <summary>
    /// Reports waiting to be sent, oldest first. Bounded: when full, the oldest report is dropped (and counted), so a
    /// long outage costs old readings, never memory.
    /// </summary>
    public sealed class ReportBuffer
    {
        private readonly ArrayList _reports = new ArrayList();
        private int _capacity;

        public ReportBuffer(int capacity)
        {
            Capacity = capacity;
        }

        public int Capacity
        {
            get { return _capacity; }
            set
            {
                _capacity = value < 1 ? 1 : value;
                while (_reports.Count > _capacity)
                {
                    DropOldest();
                }
            }
        }

        public int Count
        {
            get { return _reports.Count; }
        }

        /// <summary>Reports dropped because the buffer was full.</summary>
        public int DroppedCount { get; private set; }

        public void Add(NodeReport report)
        {
            if (_reports.Count >= _capacity)
            {
                DropOldest();
            }

            _reports.Add(report);
        }

        /// <summary>The oldest report, or null when empty.</summary>
        public NodeReport Peek()
        {
            return _reports.Count == 0 ? null : (NodeReport)_reports[0];
        }

        public void RemoveFirst()
        {
            if (_reports.Count > 0)
            {
                _reports.RemoveAt(0);
            }
        }

        private void DropOldest()
        {
            _reports.RemoveAt(0);
            DroppedCount++;
        }
    }
}
