namespace StmNode.Cloud
{
    /// <summary>
    /// Any MQTT broker (Mosquitto, EMQX, the PC host's emulator): plain credentials and topic templates.
    /// Templates may use {device_id} and, as a whole topic level, {request_id}.
    /// </summary>
    public sealed class GenericMqttSettings
    {
        public string Host;
        public int Port = 1883;
        public bool UseTls;

        /// <summary>Substituted for {device_id}; also the client id when <see cref="ClientId"/> is empty.</summary>
        public string DeviceId;

        public string ClientId;

        /// <summary>Optional; null sends no user name.</summary>
        public string Username;

        /// <summary>Optional; never logged.</summary>
        public string Password;

        public int KeepAliveSeconds = 120;

        /// <summary>Where reports go (IoTDA report JSON).</summary>
        public string ReportTopic = "devices/{device_id}/report";

        /// <summary>Where commands (IoTDA command JSON) or LED messages ({"LED1":1}) arrive.</summary>
        public string CommandTopic = "devices/{device_id}/commands/{request_id}";

        /// <summary>Where command answers go (IoTDA command response JSON).</summary>
        public string ResponseTopic = "devices/{device_id}/commands/response/{request_id}";
    }
}
