#nullable enable
namespace StmNode.IntegrationTests.Emulators
{
    /// <summary>A PUBLISH seen by <see cref="TestBroker"/>.</summary>
    public sealed record ReceivedPublish(string Topic, byte[] Payload, int Qos, bool Retain, string ClientId);
}
