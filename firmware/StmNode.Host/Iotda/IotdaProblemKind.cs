namespace StmNode.Host.Iotda
{
    /// <summary>What a device did that the platform refuses or cannot use.</summary>
    public enum IotdaProblemKind
    {
        /// <summary>CONNECT refused: ClientId, user name, password, timestamp, keep-alive or will not acceptable.</summary>
        ConnectRefused,
        /// <summary>Publish or subscribe on another device's topic or outside <c>$oc/devices/{id}/</c>.</summary>
        ForeignTopic,
        /// <summary>QoS 2 used; IoTDA supports QoS 0 and 1 only.</summary>
        QosNotSupported,
        /// <summary>Retained publish; IoTDA does not support retained messages.</summary>
        RetainNotSupported,
        /// <summary>Publish larger than the 1 MB limit.</summary>
        PayloadTooLarge,
        /// <summary>A topic of the device's own tree the emulator does not handle (shadow, gateway, unknown sys topic).</summary>
        UnsupportedTopic,
        /// <summary>A JSON body that does not parse or lacks a mandatory member.</summary>
        MalformedBody,
        /// <summary>A response whose request_id matches no pending request (unknown, or after the timeout).</summary>
        UnexpectedResponse,
        /// <summary>A downlink message no subscription of the device matched, so it was lost.</summary>
        NotDelivered,
        /// <summary>The device was silent for longer than 1.5 × its keep-alive and was dropped.</summary>
        KeepAliveExpired,
        /// <summary>A newer connection of the same device replaced this one.</summary>
        ConnectionReplaced,
    }
}
