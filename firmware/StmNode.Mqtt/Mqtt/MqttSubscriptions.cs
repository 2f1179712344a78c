using System.Collections;
using StmNode.Ports;

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

        /// <summary>
        /// Subscribes, once each, every kept filter the broker session does not have yet. The first refusal ends it and
        /// is returned: without its subscriptions the session would miss commands, so the link then closes it.
        /// </summary>
        public LinkResult SubscribeMissing(SubscribeSender send)
        {
            for (int i = 0; i < _inSession.Count; i++)
            {
                if (InSession(i))
                {
                    continue;
                }

                LinkResult result = send(Filter(i), Qos(i));
                if (result != LinkResult.Ok)
                {
                    return result;
                }

                MarkSubscribed(i);
            }

            return LinkResult.Ok;
        }

        /// <summary>
        /// Keeps the filter for every session; while connected, subscribes it now unless the session has it already.
        /// A filter the broker refuses now is not kept.
        /// </summary>
        public LinkResult Add(string filter, int qos, bool connected, SubscribeSender send)
        {
            if (!connected)
            {
                Keep(filter, qos);
                return LinkResult.Ok;
            }

            if (Has(filter, qos))
            {
                return LinkResult.Ok;
            }

            LinkResult result = send(filter, qos);
            if (result == LinkResult.Ok)
            {
                MarkSubscribed(Keep(filter, qos));
            }

            return result;
        }
    }
}
