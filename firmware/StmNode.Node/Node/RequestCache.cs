using System.Collections;

namespace StmNode.Node
{
    /// <summary>
    /// The last few answered request ids and the response sent for each. IoTDA may deliver a command again (QoS 1
    /// retransmission, reconnect); a repeated id is answered with the same response and not executed twice.
    /// </summary>
    public sealed class RequestCache
    {
        private readonly ArrayList _ids = new ArrayList();
        private readonly ArrayList _responses = new ArrayList();
        private readonly int _capacity;

        public RequestCache(int capacity)
        {
            _capacity = capacity < 1 ? 1 : capacity;
        }

        public int Count
        {
            get { return _ids.Count; }
        }

        /// <summary>The response sent for this request id, or null when it was not seen (recently).</summary>
        public CloudMessage Find(string requestId)
        {
            int index = _ids.IndexOf(requestId);
            return index < 0 ? null : (CloudMessage)_responses[index];
        }

        public void Add(string requestId, CloudMessage response)
        {
            if (_ids.Count >= _capacity)
            {
                _ids.RemoveAt(0);
                _responses.RemoveAt(0);
            }

            _ids.Add(requestId);
            _responses.Add(response);
        }
    }
}
