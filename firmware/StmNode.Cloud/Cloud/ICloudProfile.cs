using StmNode.Ports;

namespace StmNode.Cloud
{
    /// <summary>
    /// Everything the node needs to talk to one cloud (Huawei IoTDA, Aliyun Alink, a generic broker): how to
    /// log in, what to subscribe to, where and how to report, how to read downlinks and answer them.
    /// Implementations never throw on bad input; encoders write into caller buffers. A profile reuses its reader and
    /// writers, so it is used from one thread at a time (the node loop, which also runs the link's Poll).
    /// </summary>
    public interface ICloudProfile
    {
        /// <summary>Short name for logs ("huawei-iotda", "aliyun", "generic").</summary>
        string Name { get; }

        /// <summary>
        /// Fills options with host, port, TLS, client id, user name, password and keep-alive for a connection now
        /// (the time goes into IoTDA/Alink signatures). False with a clear, secret-free reason when the
        /// credentials cannot be used (e.g. a device id with '/').
        /// </summary>
        bool TryCreateConnectOptions(IClock clock, MqttConnectOptions options, out string error);

        /// <summary>Topic filters to subscribe to after every (re)connect (clean sessions forget them).</summary>
        string[] SubscriptionFilters { get; }

        /// <summary>The topic property reports are published to.</summary>
        string ReportTopic { get; }

        /// <summary>The report encoder (one reused instance; not thread-safe).</summary>
        IReportEncoder ReportEncoder { get; }

        /// <summary>Decodes one received message. Never null and never throws; unknown topics give Kind Unknown.</summary>
        Downlink Decode(string topic, byte[] payload, int offset, int count);

        /// <summary>The topic that answers request (command, property set/get), or null when none is due.</summary>
        string ResponseTopic(Downlink request);

        /// <summary>
        /// Writes the node's reply to the command or property set it received, with everything of the reply the
        /// protocol has room for (response name, result code and text, response parameters). Returns the length, or -1
        /// when the buffer is too small or the request needs no such answer. Property-get answers are written with
        /// <see cref="ReportEncoder"/>.
        /// </summary>
        int EncodeReply(Downlink request, Reply reply, byte[] buffer, int offset, int capacity);

        /// <summary>The topic of time-sync requests, or null when the cloud has none.</summary>
        string TimeSyncTopic { get; }

        /// <summary>
        /// Writes a time-sync request stamped with deviceSendTimeMs (any millisecond time base the node also uses
        /// for the arrival time). Returns the length, or -1 (buffer too small, or unsupported).
        /// </summary>
        int EncodeTimeSyncRequest(long deviceSendTimeMs, byte[] buffer, int offset, int capacity);
    }
}
