using System.Text.Json.Nodes;

namespace StmNode.Host.Iotda
{
    /// <summary>One entry of a <c>services</c> array: a service id, its properties and the optional event time.</summary>
    public sealed record IotdaServiceProperties(string ServiceId, JsonObject Properties, string EventTime);
}
