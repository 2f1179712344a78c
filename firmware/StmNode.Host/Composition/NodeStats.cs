using System;
using System.Collections.Generic;
using System.Threading;

namespace StmNode.Host.Composition
{
    /// <summary>What one hosted node did, counted from its link traffic; safe to read from any thread.</summary>
    public sealed class NodeStats
    {
        private readonly object _gate = new object();
        private readonly List<double> _connectMs = new List<double>();
        private readonly List<double> _publishMs = new List<double>();
        private long _reports;
        private long _diagReports;
        private long _commands;
        private long _publishFailures;
        private long _connectFailures;
        private long _connects;

        /// <summary>Keep latency samples (fleet mode); off for a single node that may run for days.</summary>
        public bool KeepLatencies { get; set; }

        /// <summary>Sensor reports (the node's main service) the broker accepted.</summary>
        public long Reports => Interlocked.Read(ref _reports);

        public long DiagReports => Interlocked.Read(ref _diagReports);

        /// <summary>Commands, property sets and gets answered.</summary>
        public long CommandsHandled => Interlocked.Read(ref _commands);

        public long PublishFailures => Interlocked.Read(ref _publishFailures);

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
            if (!ok)
            {
                Interlocked.Increment(ref _publishFailures);
                return;
            }

            if (label == null)
            {
                return;
            }

            switch (label.Kind)
            {
                case UplinkKind.Report when label.Detail == mainService:
                    Interlocked.Increment(ref _reports);
                    if (KeepLatencies)
                    {
                        lock (_gate)
                        {
                            _publishMs.Add(elapsed.TotalMilliseconds);
                        }
                    }

                    break;
                case UplinkKind.Report:
                    Interlocked.Increment(ref _diagReports);
                    break;
                case UplinkKind.CommandResponse:
                case UplinkKind.SetResponse:
                case UplinkKind.GetResponse:
                    Interlocked.Increment(ref _commands);
                    break;
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
