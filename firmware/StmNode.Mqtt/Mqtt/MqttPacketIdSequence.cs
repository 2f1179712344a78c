namespace StmNode.Mqtt
{
    /// <summary>Packet identifiers 1..65535 in turn, wrapping past 0, which MQTT forbids [MQTT-2.3.1-1].</summary>
    public sealed class MqttPacketIdSequence
    {
        private int _last;

        /// <summary>Starts so that the first <see cref="Next"/> returns 1.</summary>
        public MqttPacketIdSequence()
        {
        }

        /// <summary>Starts after lastUsed (0..65535), so the first <see cref="Next"/> returns the id after it.</summary>
        public MqttPacketIdSequence(int lastUsed)
        {
            _last = lastUsed < 0 || lastUsed > 65535 ? 0 : lastUsed;
        }

        public int Next()
        {
            _last = _last >= 65535 ? 1 : _last + 1;
            return _last;
        }
    }
}
