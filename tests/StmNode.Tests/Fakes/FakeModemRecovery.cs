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

        public int SignalDbm
        {
            get { return -71; }
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
