using StmNode.Ports;
using System;
using System.Collections;
using StmNode.Node;

namespace StmNode.Tests.Fakes
{
    /// <summary>Records the escalation steps taken, in order ("reopen", "radio", "power"), into a shared list.</summary>
    public sealed class FakeModemRecovery : IModemRecovery, ILinkInfo
    {
        private readonly ArrayList _steps;
        private readonly string _name;

        /// <param name="steps">Where steps are recorded, as "name:step".</param>
        public FakeModemRecovery(string name, ArrayList steps)
        {
            _name = name;
            _steps = steps;
        }

        /// <summary>What successive reads of <see cref="SignalDbm"/> give; the last one repeats.</summary>
        public int[] SignalReadings = new int[] { -71 };

        /// <summary>How often <see cref="SignalDbm"/> was read (each read is an AT command on a real modem).</summary>
        public int SignalReads { get; private set; }

        public int SignalDbm
        {
            get
            {
                int index = SignalReads < SignalReadings.Length ? SignalReads : SignalReadings.Length - 1;
                SignalReads++;
                return SignalReadings[index];
            }
        }

        public string Imei
        {
            get { return "866123456789012"; }
        }

        public string Iccid
        {
            get { return "89860012345678901234"; }
        }

        /// <summary>The network time this modem reports; MinValue = none.</summary>
        public DateTime NetworkTime = DateTime.MinValue;

        public bool TryReadNetworkTime(out DateTime utc)
        {
            utc = NetworkTime;
            return NetworkTime != DateTime.MinValue;
        }

        public bool ReopenMqtt()
        {
            _steps.Add(_name + ":reopen");
            return true;
        }

        public bool CycleRadio()
        {
            _steps.Add(_name + ":radio");
            return true;
        }

        public bool CyclePower()
        {
            _steps.Add(_name + ":power");
            return false;
        }
    }
}
