using System.Collections;
using StmNode.At;
using StmNode.Ports;

namespace StmNode.Modems
{
    /// <summary>
    /// The QMTCFG settings of a session. Firmware generations differ (docs/modems.md, per-model tables): the BC26's
    /// siblings number the MQTT version 0/1 where the EC2x numbers it 3/4, and older EC20 firmware has no
    /// "recv/mode". So the module is asked first (AT+QMTCFG=? lists the settings it has with their ranges), and the
    /// optional steps it refuses are logged and skipped instead of failing the session.
    /// </summary>
    public sealed partial class QuectelMqtt
    {
        // True: +QMTRECV carries the payload inside the line as hex ("dataformat" 0,1); false: as text (an EC20
        // without "recv/mode"), or framed by its length.
        private bool _inlineHex;

        /// <summary>Probe, MQTT version (optional), keep-alive, session, packet timeout, then the model's settings.</summary>
        public bool Configure(int keepAliveSeconds, bool cleanSession, int sslContext)
        {
            string id = "\"," + Index.ToString() + ",";
            AtReply listed = _channel.Send("AT+QMTCFG=?", "+QMTCFG:", 300);
            if (!listed.IsOk || listed.Find("+QMTCFG:") == null)
            {
                // Nothing learned: each optional step is tried and skipped when refused.
                listed = null;
            }

            Optional(Cfg + "version" + id + VersionNumber(listed));
            ArrayList common = new ArrayList();
            common.Add(Cfg + "keepalive" + id + keepAliveSeconds.ToString());
            common.Add(Cfg + "session" + id + (cleanSession ? "1" : "0"));
            common.Add(Cfg + "timeout" + id + PacketTimeoutSeconds.ToString() + "," + RetryTimes.ToString() + ",0");
            if (!_model.PublishWithLength)
            {
                // The payload is typed in data mode up to Ctrl-Z: no echo of it.
                common.Add(Cfg + "echomode" + id + "0");
            }

            return RunScript((string[])common.ToArray(typeof(string))) && ReceiveForm(id, listed) && RunScript(ModelSettings(id, sslContext));
        }

        /// <summary>
        /// MQTT 3.1.1 by the numbering the module lists for "version" (the higher of its two values: 4 of 3/4, 1 of
        /// 0/1); the model's documented 4 when the module lists nothing.
        /// </summary>
        public static string VersionNumber(AtReply listed)
        {
            int highest = TestCommandRange.HighestOfLast(listed == null ? null : listed.Find("+QMTCFG: \"version\""));
            return highest >= 0 ? highest.ToString() : "4";
        }

        /// <summary>
        /// How downlinks arrive. BC26: as hex inside the URC line ("dataformat" 0,1), so CR-LF in a payload cannot end
        /// the line and pose as a URC. EC20: framed by their length ("recv/mode" 0,1) where the firmware has it,
        /// otherwise as text inside the line (older firmware), which the driver then parses that way.
        /// </summary>
        private bool ReceiveForm(string id, AtReply listed)
        {
            if (!_model.ReceiveWithLength)
            {
                _inlineHex = true;
                return RunScript(new string[] { Cfg + "dataformat" + id + "0,1" });
            }

            _inlineHex = false;
            bool offered = listed == null || listed.Find("+QMTCFG: \"recv/mode\"") != null;
            if (!offered || !Optional(Cfg + "recv/mode" + id + "0,1"))
            {
                _log.Write(LogLevel.Warning, _model.Kind, "no QMTCFG \"recv/mode\" on this firmware: downlink payloads arrive inside +QMTRECV as text");
            }

            return true;
        }

        /// <summary>The model's QMTCFG lines after the receive form: PDP context, TLS.</summary>
        private string[] ModelSettings(string id, int sslContext)
        {
            ArrayList lines = new ArrayList();
            if (_model.PdpContext > 0)
            {
                lines.Add(Cfg + "pdpcid" + id + _model.PdpContext.ToString());
            }

            if (_model.SupportsTls)
            {
                lines.Add(Cfg + "ssl" + id + (sslContext >= 0 ? "1," + sslContext.ToString() : "0"));
            }

            return (string[])lines.ToArray(typeof(string));
        }

        /// <summary>A setting the session works without: true when set, false (logged) when the module refused it.</summary>
        private bool Optional(string command)
        {
            AtReply reply = _channel.Send(command, null, 300);
            if (!reply.IsOk)
            {
                _log.Write(LogLevel.Warning, _model.Kind, command + " refused (" + reply.Describe() + "): skipped, the module's default applies");
            }

            return reply.IsOk;
        }
    }
}
