using StmNode.Ports;

namespace StmNode.Mqtt
{
    /// <summary>Sends one subscription the link's way (a SUBSCRIBE packet, AT+QMTSUB, AT+MQTTSUB) and says how it went.</summary>
    public delegate LinkResult SubscribeSender(string topicFilter, int qos);
}
