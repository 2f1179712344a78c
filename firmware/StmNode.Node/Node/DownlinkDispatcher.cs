using StmNode.Cloud;
using StmNode.Ports;

namespace StmNode.Node
{
    /// <summary>
    /// Takes each message the cloud sends: decodes it with the profile and hands it on by kind. Commands and property
    /// sets are applied by the <see cref="DownlinkHandler"/> and answered at once (IoTDA gives up after 20 s) and once
    /// per request id: a request seen again gets the same answer and changes nothing. Property gets are answered with
    /// the readings, time sync answers go to the <see cref="ClockKeeper"/>. Anything refused is logged and counted; a
    /// refused request is still answered, with the reason.
    /// </summary>
    public sealed class DownlinkDispatcher
    {
        /// <summary>How many answered requests are kept to answer a redelivery again without acting twice.</summary>
        public const int AnsweredCapacity = 16;

        private const string Source = "Downlink";

        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly ICloudProfile _profile;
        private readonly CloudUplink _uplink;
        private readonly DownlinkHandler _handler;
        private readonly ClockKeeper _clockKeeper;
        private readonly ReportBuilder _reports;
        private readonly RequestCache _answered = new RequestCache(AnsweredCapacity);

        public DownlinkDispatcher(IClock clock, ILog log, ICloudProfile profile, CloudUplink uplink, DownlinkHandler handler,
            ClockKeeper clockKeeper, ReportBuilder reports)
        {
            _clock = clock;
            _log = log;
            _profile = profile;
            _uplink = uplink;
            _handler = handler;
            _clockKeeper = clockKeeper;
            _reports = reports;
        }

        /// <summary>Messages that could not be understood or used (an answered refusal counts too).</summary>
        public int Errors { get; private set; }

        /// <summary>Commands, property sets and property gets answered (a repeated request id counts again).</summary>
        public int RequestsAnswered { get; private set; }

        /// <summary>
        /// Handles one received message. True when an answer is due: then answer holds it, or null when it could not
        /// be encoded (the caller's publish counts that as a failure).
        /// </summary>
        public bool Handle(string topic, byte[] payload, out CloudMessage answer)
        {
            answer = null;
            Downlink downlink = _profile.Decode(topic, payload, 0, payload.Length);
            switch (downlink.Kind)
            {
                case DownlinkKind.Command:
                case DownlinkKind.PropertySet:
                    answer = Answer(downlink);
                    return true;
                case DownlinkKind.PropertyGet:
                    RequestsAnswered++;
                    answer = _uplink.Answer(downlink, _reports.Readings(_clock.UptimeMs));
                    return true;
                case DownlinkKind.LedMessage:
                    if (!downlink.IsOk)
                    {
                        // One bad field refuses the whole message, like a command: nothing of it is applied.
                        Refused("message down refused: " + downlink.ErrorDetail);
                    }
                    else if (!_handler.ApplyMessage(downlink))
                    {
                        Refused("message down without a usable LED state ignored");
                    }

                    return false;
                case DownlinkKind.TimeSync:
                    if (!_clockKeeper.Apply(downlink))
                    {
                        Errors++;
                    }

                    return false;
                case DownlinkKind.ReportReply:
                    // An acknowledgement of our own report, not a downlink error; a refusal is worth a log line.
                    if (!downlink.IsOk)
                    {
                        Log(LogLevel.Warning, "the cloud refused a report: " + downlink.ErrorDetail);
                    }

                    return false;
                default:
                    Refused("ignored message on " + topic + ": " + (downlink.IsOk ? "not a message for the node" : downlink.ErrorDetail));
                    return false;
            }
        }

        private CloudMessage Answer(Downlink request)
        {
            RequestsAnswered++;
            string requestId = request.RequestId;
            CloudMessage answer = requestId == null ? null : _answered.Find(requestId);
            if (answer != null)
            {
                Log(LogLevel.Info, "request " + requestId + " seen before: answering again without applying");
                return answer;
            }

            Reply reply;
            if (!request.IsOk)
            {
                // The profile refused it (bad JSON, unknown name, value out of range): say so, apply nothing.
                Errors++;
                reply = new Reply(1, request.ErrorDetail == null ? "malformed request" : request.ErrorDetail);
            }
            else
            {
                reply = request.Kind == DownlinkKind.Command ? _handler.Execute(request) : _handler.ApplySet(request);
            }

            if (!reply.IsSuccess)
            {
                Log(LogLevel.Warning, (request.Kind == DownlinkKind.Command ? "command " + request.CommandName : "property set")
                    + " refused: " + reply.Text);
            }

            answer = _uplink.Answer(request, reply);
            if (requestId != null && answer != null)
            {
                _answered.Add(requestId, answer);
            }

            return answer;
        }

        private void Refused(string why)
        {
            Errors++;
            Log(LogLevel.Warning, why);
        }

        private void Log(LogLevel level, string message)
        {
            if (_log.IsEnabled(level))
            {
                _log.Write(level, Source, message);
            }
        }
    }
}
