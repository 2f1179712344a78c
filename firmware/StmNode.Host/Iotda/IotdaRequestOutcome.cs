namespace StmNode.Host.Iotda
{
    /// <summary>How a synchronous platform request (command, property set, property get) ended.</summary>
    public enum IotdaRequestOutcome
    {
        /// <summary>The device answered on the matching response topic; see the result's body.</summary>
        Answered,
        /// <summary>No answer inside the request timeout (20 s on the platform).</summary>
        TimedOut,
        /// <summary>The device was not connected, so nothing was sent.</summary>
        DeviceOffline,
        /// <summary>The emulator stopped while the request was pending.</summary>
        Stopped,
    }
}
