namespace StmNode.Host.Iotda
{
    /// <summary>What a topic published by a device means to the platform.</summary>
    internal enum IotdaUpTopicKind
    {
        Foreign,
        Unsupported,
        PropertiesReport,
        MessageUp,
        EventUp,
        CommandResponse,
        PropertiesSetResponse,
        PropertiesGetResponse,
    }
}
