using System.Collections;

namespace StmNode.Cloud
{
    /// <summary>
    /// One decoded message from the cloud, whatever profile produced it. Parameters hold only names the device
    /// model knows, already checked: integers as long, fractions as double, booleans as bool, text as string.
    /// A request (command, property set/get) keeps its request id even when <see cref="Error"/> is set, so the
    /// node can still answer it with a failure.
    /// </summary>
    public sealed class Downlink
    {
        // 2020-01-01 and 2100-01-01 UTC: a time sync answer outside is garbage (a DateTime beyond the range also throws;
        // nanoFramework's ends in year 3000).
        private const long MinPlausibleTimeMs = 1577836800000L;
        private const long MaxPlausibleTimeMs = 4102444800000L;

        public DownlinkKind Kind;
        public DownlinkError Error;

        /// <summary>What was wrong, for logs and the failure answer (e.g. "LED1: value out of range"). Null when fine.</summary>
        public string ErrorDetail;

        /// <summary>The request id to echo in the answer (IoTDA: from the topic; Alink: the "id" field).</summary>
        public string RequestId;

        public string ServiceId;
        public string CommandName;

        /// <summary>The response name the device model gives the command (e.g. "SET_INTERVAL_RSP"), or null.</summary>
        public string ResponseName;

        /// <summary>Checked values by name (never null).</summary>
        public Hashtable Parameters = new Hashtable();

        /// <summary>Time sync only: milliseconds since 1970 as echoed and stamped by the platform.</summary>
        public long DeviceSendTimeMs;
        public long ServerRecvTimeMs;
        public long ServerSendTimeMs;

        public bool IsOk
        {
            get { return Error == DownlinkError.None; }
        }

        /// <summary>True when the platform waits for an answer to this message.</summary>
        public bool NeedsResponse
        {
            get { return Kind == DownlinkKind.Command || Kind == DownlinkKind.PropertySet || Kind == DownlinkKind.PropertyGet; }
        }

        public bool Has(string name)
        {
            return Parameters.Contains(name);
        }

        /// <summary>An integer parameter, or fallback when absent.</summary>
        public long GetLong(string name, long fallback)
        {
            object value = Parameters[name];
            return value is long ? (long)value : fallback;
        }

        /// <summary>A numeric parameter (integer or fraction), or fallback when absent.</summary>
        public double GetDouble(string name, double fallback)
        {
            object value = Parameters[name];
            if (value is double)
            {
                return (double)value;
            }

            return value is long ? (long)value : fallback;
        }

        public bool GetBool(string name, bool fallback)
        {
            object value = Parameters[name];
            return value is bool ? (bool)value : fallback;
        }

        public string GetString(string name)
        {
            return Parameters[name] as string;
        }

        /// <summary>
        /// Time sync: the platform's time (ms since 1970) when this answer arrived, by IoTDA's formula
        /// (server_recv + server_send + device_recv − device_send) / 2. requestSentMs is the device_send_time of the
        /// request the node waits on, arrivedMs the arrival in the same time base. Returns null with the time, or why
        /// the answer cannot be used: it answers another request, its times are out of order, or the result lies
        /// outside 2020..2100 (garbage; the clock is never set from it).
        /// </summary>
        public string ReadServerTime(long requestSentMs, long arrivedMs, out long serverTimeMs)
        {
            serverTimeMs = 0;
            if (DeviceSendTimeMs != requestSentMs || arrivedMs < DeviceSendTimeMs || ServerRecvTimeMs <= 0 || ServerSendTimeMs < ServerRecvTimeMs)
            {
                return "the answer does not match the request";
            }

            // The server times are bounded first, so the sum cannot overflow.
            if (ServerRecvTimeMs < MinPlausibleTimeMs || ServerSendTimeMs >= MaxPlausibleTimeMs)
            {
                return "the answer gives an implausible time";
            }

            serverTimeMs = (ServerRecvTimeMs + ServerSendTimeMs + arrivedMs - DeviceSendTimeMs) / 2;
            return serverTimeMs < MinPlausibleTimeMs || serverTimeMs >= MaxPlausibleTimeMs ? "the answer gives an implausible time" : null;
        }

        /// <summary>Marks the message as failed with a reason; the first error is kept.</summary>
        public void Fail(DownlinkError error, string detail)
        {
            if (Error == DownlinkError.None)
            {
                Error = error;
                ErrorDetail = detail;
            }
        }
    }
}
