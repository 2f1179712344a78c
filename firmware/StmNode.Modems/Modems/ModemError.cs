using StmNode.At;

namespace StmNode.Modems
{
    /// <summary>A typed modem failure: the kind, the modem's number (-1 when it gave none) and a log-safe message.</summary>
    public sealed class ModemError
    {
        public ModemError(ModemErrorKind kind, int code, string message)
        {
            Kind = kind;
            Code = code;
            Message = message;
        }

        public readonly ModemErrorKind Kind;

        public readonly int Code;

        public readonly string Message;

        /// <summary>The error for an AT exchange that did not end with OK.</summary>
        public static ModemError FromReply(string operation, AtReply reply)
        {
            ModemErrorKind kind;
            switch (reply.Status)
            {
                case AtStatus.Timeout: kind = ModemErrorKind.Timeout; break;
                case AtStatus.CmeError: kind = ModemErrorKind.CmeError; break;
                case AtStatus.CmsError: kind = ModemErrorKind.CmsError; break;
                case AtStatus.Aborted: kind = ModemErrorKind.Rebooted; break;
                case AtStatus.LineFailed: kind = ModemErrorKind.LineFailed; break;
                case AtStatus.Rejected: kind = ModemErrorKind.InvalidArgument; break;
                case AtStatus.Failed: kind = ModemErrorKind.Failed; break;
                default: kind = ModemErrorKind.AtError; break;
            }

            return new ModemError(kind, reply.Code, operation + ": " + reply.Describe());
        }

        public override string ToString()
        {
            return Message;
        }
    }
}
