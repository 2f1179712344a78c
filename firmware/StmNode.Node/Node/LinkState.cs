namespace StmNode.Node
{
    /// <summary>Where the link supervisor is: between steps it is either waiting for the next attempt or online.</summary>
    public enum LinkState
    {
        /// <summary>Offline, waiting for the backoff delay before the next connect attempt.</summary>
        WaitingRetry = 0,
        /// <summary>Bringing up the bearer and the MQTT session, with its subscriptions.</summary>
        Connecting = 1,
        Online = 3,
        /// <summary>Running a step of the modem escalation ladder.</summary>
        Recovering = 4
    }
}
