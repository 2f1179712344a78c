#nullable enable
namespace StmNode.Host.Emulators
{
    /// <summary>A downlink message held in an EC20 receive slot (buffer mode).</summary>
    internal sealed record QmtStoredMessage(int MessageId, string Topic, byte[] Payload);
}
