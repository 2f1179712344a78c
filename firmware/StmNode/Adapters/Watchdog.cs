using System;
using System.Threading;
using StmNode.Node;
using StmNode.Ports;

namespace StmNode.Adapters
{
    /// <summary>
    /// Restarts the board when the node loop stops making progress: every call in Core is bounded, but a native call
    /// (a socket connect inside M2Mqtt has been seen to hang) might not be. Runs on its own thread.
    /// </summary>
    public sealed class Watchdog
    {
        private const int CheckEveryMs = 5000;

        private readonly NodeController _node;
        private readonly ISystemControl _system;
        private readonly int _stallMs;

        /// <param name="stallMs">How long the loop may stand still; longer than the slowest bounded call (a modem power cycle).</param>
        public Watchdog(NodeController node, ISystemControl system, int stallMs)
        {
            _node = node;
            _system = system;
            _stallMs = stallMs;
        }

        public void Start()
        {
            Thread thread = new Thread(Run);
            thread.Start();
        }

        private void Run()
        {
            long lastSteps = _node.StepCount;
            long lastProgressMs = Environment.TickCount64;
            while (true)
            {
                Thread.Sleep(CheckEveryMs);
                long steps = _node.StepCount;
                long now = Environment.TickCount64;
                if (steps != lastSteps)
                {
                    lastSteps = steps;
                    lastProgressMs = now;
                }
                else if (now - lastProgressMs > _stallMs)
                {
                    _system.RequestReboot("node loop made no progress for " + ((now - lastProgressMs) / 1000).ToString() + " s");
                }
            }
        }
    }
}
