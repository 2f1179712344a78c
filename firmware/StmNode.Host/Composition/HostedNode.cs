using System;
using System.Collections.Generic;
using System.Threading;
using StmNode.Config;
using StmNode.Node;
using StmNode.Ports;
using StmNode.Host.Simulation;

namespace StmNode.Host.Composition
{
    /// <summary>
    /// One real Core node on a PC: NodeController over a simulated board, a cloud profile and one or more links, run on
    /// its own thread exactly as the ESP32 app runs it. The host only watches (counts, prints) and starts and stops it.
    /// </summary>
    public sealed class HostedNode : IDisposable
    {
        private readonly ILog _log;
        private readonly List<ObservedMqttLink> _links = new List<ObservedMqttLink>();
        private readonly List<IDisposable> _resources = new List<IDisposable>();
        private Thread _thread;
        private volatile bool _crashed;

        public HostedNode(string name, NodeConfig config, IClock clock, ILog log, LabellingProfile cloud, SimulatedBoard board, uint seed)
        {
            Name = name;
            Config = config;
            _log = log;
            Clock = clock;
            Cloud = cloud;
            Board = board;
            System = new HostSystemControl();
            Controller = new NodeController(config, clock, log, cloud, board.CreateSensorBoard(config), board.CreateLedBank(), System, seed);
        }

        /// <summary>A publish finished (raised on the node's thread).</summary>
        public event UplinkObserver Uplink;

        /// <summary>A connect attempt finished (raised on the node's thread).</summary>
        public event Action<LinkResult, TimeSpan> ConnectFinished;

        /// <summary>A message arrived from the broker (raised on the node's thread, before the node handles it).</summary>
        public event MqttMessageHandler Downlink;

        public string Name { get; }

        public NodeConfig Config { get; }

        public LabellingProfile Cloud { get; }

        public IClock Clock { get; }

        public SimulatedBoard Board { get; }

        public HostSystemControl System { get; }

        public NodeController Controller { get; }

        public NodeStats Stats { get; } = new NodeStats();

        /// <summary>True when an exception escaped Core's loop (a bug: Core must never throw on bad input).</summary>
        public bool Crashed => _crashed;

        public bool IsRunning => _thread != null && _thread.IsAlive;

        /// <summary>The first link added (its AT channel and emulated modem, if any).</summary>
        public LinkParts PrimaryLink { get; private set; }

        /// <summary>Failed connects, publish failures and messages the node could not understand (the node's own count).</summary>
        public long Errors => Controller.Errors;

        public int Reconnects => Controller.Reconnects;

        /// <summary>Adds a transport (in failover order) before <see cref="Start"/>.</summary>
        public void AddLink(LinkParts parts)
        {
            if (_thread != null)
            {
                throw new InvalidOperationException("Links are added before the node starts.");
            }

            PrimaryLink ??= parts;
            ObservedMqttLink link = new ObservedMqttLink(parts.Link);
            link.Connected += (result, elapsed) =>
            {
                Stats.Connected(result == LinkResult.Ok, elapsed);
                ConnectFinished?.Invoke(result, elapsed);
            };
            link.Published += (topic, payload, offset, count, result, elapsed) =>
            {
                UplinkLabel label = Cloud.LabelOf(topic);
                Stats.Published(label, result == LinkResult.Ok, elapsed, Stm32Service.Id);
                Uplink?.Invoke(label, topic, payload, offset, count, result, elapsed);
            };
            link.Received += (topic, payload, offset, count) => Downlink?.Invoke(topic, payload, offset, count);
            _links.Add(link);
            if (parts.Resources != null)
            {
                _resources.AddRange(parts.Resources);
            }

            Controller.AddLink(new Transport(link, parts.Recovery, parts.Info, 0));
        }

        /// <summary>Adds something to dispose after the node stopped (an emulator the links depend on).</summary>
        public void Own(IDisposable resource) => _resources.Add(resource);

        public void Start(int stackBytes = 0)
        {
            if (_thread != null)
            {
                throw new InvalidOperationException("The node was already started.");
            }

            _thread = new Thread(RunLoop, stackBytes) { IsBackground = true, Name = "node " + Name };
            _thread.Start();
        }

        /// <summary>Asks the loop to stop and waits for it; false when it did not stop in time (a link call hung).</summary>
        public bool Stop(TimeSpan timeout)
        {
            Controller.Stop();
            return _thread == null || _thread.Join(timeout);
        }

        public void Dispose()
        {
            bool stopped = Stop(TimeSpan.FromSeconds(10));
            if (stopped)
            {
                // The loop is over, so this thread may use the links now.
                foreach (ObservedMqttLink link in _links)
                {
                    link.Disconnect();
                }
            }

            for (int i = _resources.Count - 1; i >= 0; i--)
            {
                try
                {
                    _resources[i].Dispose();
                }
                catch (Exception e) when (e is ObjectDisposedException || e is InvalidOperationException || e is System.IO.IOException)
                {
                    // Already closed by the other end: nothing left to release.
                }
            }

            _resources.Clear();
        }

        private void RunLoop()
        {
            try
            {
                Controller.Run();
            }
            catch (Exception e)
            {
                _crashed = true;
                _log.Write(LogLevel.Error, "Host", "the node loop stopped on an exception (a Core bug): " + e);
            }
        }
    }
}
