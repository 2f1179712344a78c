using System.Collections;

namespace StmNode.Node
{
    /// <summary>A decoded cloud message in the node's terms; filled by an <see cref="INodeCloud"/>, reused between messages.</summary>
    public sealed class NodeDownlink
    {
        private readonly Hashtable _paras = new Hashtable();

        public NodeMessageKind Kind;

        /// <summary>The platform's request id, echoed in the response topic; "" when the message has none.</summary>
        public string RequestId = "";

        public string ServiceId = "";

        public string CommandName = "";

        /// <summary>
        /// Why the message could not be used ("" when fine). A command or property set keeps its kind and request id
        /// and is answered with this as the failure reason.
        /// </summary>
        public string Error = "";

        // $time_sync response, milliseconds since 1970-01-01 UTC.
        public long DeviceSendMs;
        public long ServerRecvMs;
        public long ServerSendMs;

        /// <summary>Command parameters, or the properties of a set, or the fields of a message: name → boxed long, double, bool or string.</summary>
        public Hashtable Paras
        {
            get { return _paras; }
        }

        /// <summary>Clears the object for the next message.</summary>
        public void Reset()
        {
            Kind = NodeMessageKind.Unknown;
            RequestId = "";
            ServiceId = "";
            CommandName = "";
            Error = "";
            DeviceSendMs = 0;
            ServerRecvMs = 0;
            ServerSendMs = 0;
            _paras.Clear();
        }
    }
}
