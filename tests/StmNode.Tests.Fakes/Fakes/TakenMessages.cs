using System.Collections;
using System.Text;
using StmNode.Ports;

namespace StmNode.Tests.Fakes
{
    /// <summary>Takes what a link received, as text for assertions.</summary>
    public static class TakenMessages
    {
        /// <summary>Takes every waiting message into list as topic + separator + payload (UTF-8); returns how many.</summary>
        public static int Into(IMqttLink link, ArrayList list, string separator)
        {
            int taken = 0;
            string topic;
            byte[] payload;
            while (link.TryTakeMessage(out topic, out payload))
            {
                list.Add(topic + separator + Encoding.UTF8.GetString(payload, 0, payload.Length));
                taken++;
            }

            return taken;
        }

        /// <summary>Takes every waiting message into list as its payload (UTF-8) only.</summary>
        public static int PayloadsInto(IMqttLink link, ArrayList list)
        {
            int taken = 0;
            string topic;
            byte[] payload;
            while (link.TryTakeMessage(out topic, out payload))
            {
                list.Add(Encoding.UTF8.GetString(payload, 0, payload.Length));
                taken++;
            }

            return taken;
        }
    }
}
