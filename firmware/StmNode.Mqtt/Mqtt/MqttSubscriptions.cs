using System.Collections;

namespace StmNode.Mqtt
{
    /// <summary>
    /// The topic filters a link keeps subscribed, and which of them the current broker session already has. The link
    /// is their only owner: it subscribes each once per broker session, again only when the broker starts a new one.
    /// </summary>
    public sealed class MqttSubscriptions
    {
        private readonly ArrayList _filters = new ArrayList();
        private readonly ArrayList _qos = new ArrayList();
        private readonly ArrayList _inSession = new ArrayList();

        public int Count
        {
            get { return _filters.Count; }
        }

        public string Filter(int index)
        {
            return (string)_filters[index];
        }

        public int Qos(int index)
        {
            return (int)_qos[index];
        }

        /// <summary>True when the current broker session has the filter at its QoS.</summary>
        public bool InSession(int index)
        {
            return (bool)_inSession[index];
        }

        /// <summary>True when the current broker session already has this filter at this QoS.</summary>
        public bool Has(string filter, int qos)
        {
            int index = _filters.IndexOf(filter);
            return index >= 0 && Qos(index) == qos && InSession(index);
        }

        /// <summary>Keeps the filter at this QoS, not yet in the session (a new QoS must be subscribed again); returns its index.</summary>
        public int Keep(string filter, int qos)
        {
            int index = _filters.IndexOf(filter);
            if (index < 0)
            {
                _filters.Add(filter);
                _qos.Add(qos);
                _inSession.Add(false);
                return _filters.Count - 1;
            }

            if (Qos(index) != qos)
            {
                _qos[index] = qos;
                _inSession[index] = false;
            }

            return index;
        }

        /// <summary>The broker acknowledged the SUBSCRIBE: the session has the filter.</summary>
        public void MarkSubscribed(int index)
        {
            _inSession[index] = true;
        }

        /// <summary>The broker holds none of them: a clean session, CONNACK session-present 0, or another client.</summary>
        public void NewSession()
        {
            for (int i = 0; i < _inSession.Count; i++)
            {
                _inSession[i] = false;
            }
        }
    }
}
