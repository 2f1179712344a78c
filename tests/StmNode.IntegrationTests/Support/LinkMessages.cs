using System.Collections.Generic;
using System.Text;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Support
{
    /// <summary>Takes what a link received, as text.</summary>
    public static class LinkMessages
    {
        /// <summary>Takes every waiting message into list as "topic=payload" (UTF-8).</summary>
        public static void TakeInto(this IMqttLink link, List<string> list)
        {
            while (link.TryTakeMessage(out string topic, out byte[] payload))
            {
                list.Add(topic + "=" + Encoding.UTF8.GetString(payload));
            }
        }
    }
}
