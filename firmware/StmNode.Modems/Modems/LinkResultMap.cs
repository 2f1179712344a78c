using StmNode.Ports;

namespace StmNode.Modems
{
    /// <summary>Maps a typed modem error to the coarse <see cref="LinkResult"/> the node acts on.</summary>
    public static class LinkResultMap
    {
        public static LinkResult From(ModemError error)
        {
            if (error == null)
            {
                return LinkResult.Failed;
            }

            switch (error.Kind)
            {
                case ModemErrorKind.Timeout: return LinkResult.Timeout;
                case ModemErrorKind.InvalidArgument: return LinkResult.InvalidArgument;
                case ModemErrorKind.ConnackRefused:
                case ModemErrorKind.SubscribeRejected:
                case ModemErrorKind.CmeError:
                case ModemErrorKind.CmsError:
                case ModemErrorKind.AtError:
                case ModemErrorKind.EspError:
                    return LinkResult.Refused;
                case ModemErrorKind.NotConnected:
                case ModemErrorKind.LinkLost:
                    return LinkResult.NotConnected;
                default: return LinkResult.Failed;
            }
        }
    }
}
