using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace StmNode.Host.Iotda
{
    /// <summary>A parsed properties report (protocols.md §1.4) with the emulator's receive time.</summary>
    public sealed record IotdaPropertyReport(
        string DeviceId, DateTimeOffset ReceivedAt, string Topic, IReadOnlyList<IotdaServiceProperties> Services, JsonObject Body)
    {
        /// <summary>The properties of one service, or null when the report does not contain it.</summary>
        public JsonObject PropertiesOf(string serviceId)
        {
            foreach (var service in Services)
            {
                if (service.ServiceId == serviceId)
                {
                    return service.Properties;
                }
            }

            return null;
        }
    }
}
