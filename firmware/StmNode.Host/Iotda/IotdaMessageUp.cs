using System;
using System.Text;

namespace StmNode.Host.Iotda
{
    /// <summary>A free-format message up (<c>sys/messages/up</c> or a custom <c>user/...</c> topic).</summary>
    public sealed record IotdaMessageUp(string DeviceId, DateTimeOffset ReceivedAt, string Topic, byte[] Payload)
    {
        public string Text => Encoding.UTF8.GetString(Payload);
    }
}
