using System;
using System.Collections.Generic;
using System.Threading;

namespace StmNode.Host.Composition
{
    /// <summary>
    /// Connect and report latencies of one hosted node, timed at its link (the node's own counters are on
    /// NodeController); safe to read from any thread.
    /// </summary>
    public sealed class NodeStats
    {
        private readonly object _gate = new object();
        private readonly List<double> _connectMs = new List<double>();
        private readonly List<double> _publishMs = new List<double>();
        private long _connectFailures;
        private long _connects;

        /// <summary>Keep latency samples (fleet mode); off for a single node that may run for days.</summary>
        public bool KeepLatencies { get; set; }

        public long ConnectFailures => Interlocked.Read(ref _connectFailures);

        public long Connects => Interlocked.Read(ref _connects);

        public void Connected(bool ok, TimeSpan elapsed)
        {
            if (!ok)
            {
                Interlocked.Increment(ref _connectFailures);
                return;
            }

            Interlocked.Increment(ref _connects);
            if (KeepLatencies)
            {
                lock (_gate)
                {
                    _connectMs.Add(elapsed.TotalMilliseconds);
                }
            }
        }

        public void Published(UplinkLabel label, bool ok, TimeSpan elapsed, string mainService)
        {
            if (ok && KeepLatencies && label != null && label.Kind == UplinkKind.Report && label.Detail == mainService)
            {
                lock (_gate)
                {
                    _publishMs.Add(elapsed.TotalMilliseconds);
                }
            }
        }

        /// <summary>Connect latencies in milliseconds (successful connects only).</summary>
        public double[] ConnectLatencies()
        {
            lock (_gate)
            {
                return _connectMs.ToArray();
            }
        }

        /// <summary>Report publish latencies in milliseconds (QoS 1: until PUBACK).</summary>
        public double[] PublishLatencies()
        {
            lock (_gate)
            {
                return _publishMs.ToArray();
            }
        }
    }
}
