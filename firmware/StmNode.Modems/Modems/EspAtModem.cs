using System.Text;
using StmNode.At;
using StmNode.Ports;

namespace StmNode.Modems
{
    /// <summary>
    /// A second ESP chip running Espressif's ESP-AT firmware: Wi-Fi join and its MQTT commands. Quoted parameters
    /// are escaped (<c>\\ \" \,</c>); values the escaping cannot carry are refused; payloads and over-long
    /// credentials go through the length + prompt forms, never inside quotes.
    /// </summary>
    public sealed class EspAtModem
    {
        private const int MaxClientId = 256;
        private const int MaxUserOrPassword = 64;
        private const int MaxTopic = 128;
        private const int MaxHost = 128;

        /// <summary>ESP-AT's limit for one command line, CR-LF included.</summary>
        private const int MaxCommandBytes = 254;

        public EspAtModem(AtChannel channel, ILog log)
        {
            Channel = channel;
            _log = log;
            channel.LineEnding = "\r\n";
            NeedsInit = true;
            channel.AddUrc("ready", OnReboot);
            channel.AddUrc("+MQTTDISCONNECTED:", OnDisconnected);
            channel.AddUrc("+MQTTCONNECTED:", delegate(string line) { });
            channel.AddUrc("WIFI ", delegate(string line) { WifiConnected = line == "WIFI GOT IP" || (WifiConnected && line != "WIFI DISCONNECT"); });
            channel.AddUrc("+TIME_UPDATED", delegate(string line) { _timeSet = true; });
            channel.AddRawUrc(EspAtRecv.Prefix, EspAtRecv.RawLength, OnReceived);
        }

        private readonly ILog _log;

        // True once the module had SNTP time since its last boot (TLS schemes 3, 5, 8, 10 check certificate dates).
        private bool _timeSet;
        private bool _chipKnown;

        public readonly AtChannel Channel;

        public ILog Log
        {
            get { return _log; }
        }

        public bool NeedsInit { get; private set; }

        public bool WifiConnected { get; private set; }

        public ModemError LastError { get; private set; }

        /// <summary>
        /// The chip AT+GMR names in its AT version line ("ESP32", "ESP8266", "ESP32-C3" …) once
        /// <see cref="IdentifyChip"/> asked; null before, or when it did not say (ESP-AT 1.x prints no chip).
        /// </summary>
        public string Chip { get; private set; }

        /// <summary>
        /// False on an ESP8266: its ESP-AT has no MQTT over TLS ("scheme can only be 1 or 6", MQTT AT Commands of
        /// ESP-AT v2.2.0.0_esp8266 and later ESP8266 releases).
        /// </summary>
        public bool HasMqttTls
        {
            get { return Chip != "ESP8266"; }
        }

        /// <summary>SNTP server given to AT+CIPSNTPCFG before a certificate-checking TLS scheme.</summary>
        public string SntpServer = "pool.ntp.org";

        /// <summary>Longest wait for the module's SNTP time (polled with AT+CIPSNTPTIME? every second).</summary>
        public int SntpTimeoutMs = 30000;

        /// <summary>Largest payload one AT+MQTTPUBRAW is given.</summary>
        public int MaxPayloadBytes = 8192;

        /// <summary>Longest wait for the publish prompt; without it the payload is never written.</summary>
        public int PromptTimeoutMs = 5000;

        public event ModemEventHandler Rebooted;

        public event MqttMessageHandler MessageReceived;

        public event LinkLostHandler Lost;

        /// <summary>Waits until the firmware answers AT, then echo off and station mode.</summary>
        public bool Start(int timeoutMs)
        {
            long deadline = Channel.Clock.UptimeMs + timeoutMs;
            while (!Channel.Send("AT", null, 500).IsOk)
            {
                if (Channel.Clock.UptimeMs >= deadline)
                {
                    LastError = new ModemError(ModemErrorKind.Timeout, -1, "ESP-AT did not answer AT within " + timeoutMs.ToString() + " ms");
                    return false;
                }

                Channel.Poll(500);
            }

            if (!Run(new AtCommand("ATE0", null, 300)) || !Run(new AtCommand("AT+CWMODE=1", null, 1000)))
            {
                return false;
            }

            NeedsInit = false;
            return true;
        }

        /// <summary>AT+GMR once per boot, for <see cref="Chip"/> (asked only when it matters: before TLS).</summary>
        public void IdentifyChip()
        {
            if (!_chipKnown)
            {
                Chip = ChipOf(Channel.Send("AT+GMR", null, 1000).Find("AT version:"));
                _chipKnown = true;
            }
        }

        /// <summary>"2.4.0.0(4c6eb5e - ESP32 - May 20 2022 03:12:58)" → "ESP32"; null when no chip is named.</summary>
        public static string ChipOf(string version)
        {
            int first = version == null ? -1 : version.IndexOf(" - ");
            int second = first < 0 ? -1 : version.IndexOf(" - ", first + 3);
            return second < 0 ? null : version.Substring(first + 3, second - first - 3).Trim();
        }

        /// <summary>
        /// Makes sure the module has the time, which TLS schemes 3, 5, 8 and 10 need to check the server certificate
        /// (MQTT AT Commands, AT+MQTTUSERCFG note): AT+CIPSNTPCFG=1,0,"server" (UTC), then AT+CIPSNTPTIME? until it
        /// shows a year from 2020 on (before the first sync it counts from 1970) or +TIME_UPDATED came.
        /// </summary>
        public bool EnsureTime()
        {
            string server = AtText.EscapeEspAt(SntpServer);
            if (_timeSet)
            {
                return true;
            }

            if (server == null || SntpServer.Length == 0 || !Run(new AtCommand("AT+CIPSNTPCFG=1,0,\"" + server + "\"", null, 2000)))
            {
                return server != null && SntpServer.Length > 0 ? false : Invalid("SNTP server not usable in AT+CIPSNTPCFG");
            }

            long deadline = Channel.Clock.UptimeMs + SntpTimeoutMs;
            while (!_timeSet)
            {
                string time = Channel.Send("AT+CIPSNTPTIME?", "+CIPSNTPTIME:", 1000).Find("+CIPSNTPTIME:");
                int year;
                int space = time == null ? -1 : time.LastIndexOf(' ');
                if (space > 0 && AtFields.TryParseInt(time.Substring(space + 1), out year) && year >= 2020)
                {
                    _timeSet = true;
                    break;
                }

                if (Channel.Clock.UptimeMs >= deadline)
                {
                    LastError = new ModemError(ModemErrorKind.NotReady, -1, "no SNTP time within " + SntpTimeoutMs.ToString()
                        + " ms: TLS checks the certificate dates, so AT+MQTTCONN waits for AT+CIPSNTPTIME");
                    return false;
                }

                Channel.Poll(1000);
            }

            return true;
        }

        /// <summary>AT+CWJAP; a failure carries the +CWJAP code (1 timeout, 2 wrong password, 3 no AP, 4 failed).</summary>
        public bool JoinWifi(string ssid, string password)
        {
            string s = AtText.EscapeEspAt(ssid);
            string p = AtText.EscapeEspAt(password);
            if (s == null || p == null || ssid.Length == 0 || ssid.Length > 32 || password.Length > 64)
            {
                return Invalid("SSID or Wi-Fi password not usable in AT+CWJAP");
            }

            AtCommand join = new AtCommand("AT+CWJAP=\"" + s + "\",\"" + p + "\"", null, 20000);
            join.FailureFinals = new string[] { "FAIL" };
            AtReply reply = Channel.Send(join);
            if (!reply.IsOk)
            {
                string code = reply.Find("+CWJAP:");
                LastError = code != null
                    ? new ModemError(ModemErrorKind.EspError, AtFields.IntAt(new string[] { code }, 0, -1), "AT+CWJAP failed with code " + code)
                    : ModemError.FromReply("AT+CWJAP", reply);
                return false;
            }

            WifiConnected = true;
            return true;
        }

        /// <summary>
        /// AT+MQTTUSERCFG, with the MQTTLONG* forms (raw bytes after a prompt) for values over the quoted limits or when
        /// the whole command would pass ESP-AT's 256-byte line limit; then AT+MQTTCONNCFG.
        /// </summary>
        public bool ConfigureMqtt(int scheme, string clientId, string username, string password, int keepAliveSeconds, bool cleanSession)
        {
            username = username == null ? string.Empty : username;
            password = password == null ? string.Empty : password;
            string id = AtText.EscapeEspAt(clientId);
            string user = AtText.EscapeEspAt(username);
            string pass = AtText.EscapeEspAt(password);
            if (clientId == null || clientId.Length == 0 || id == null || user == null || pass == null || keepAliveSeconds < 0 || keepAliveSeconds > 7200)
            {
                return Invalid("client id, user name, password or keep-alive not usable in AT+MQTTUSERCFG");
            }

            bool longId = Encoding.UTF8.GetBytes(clientId).Length > MaxClientId;
            bool longUser = Encoding.UTF8.GetBytes(username).Length > MaxUserOrPassword;
            bool longPassword = Encoding.UTF8.GetBytes(password).Length > MaxUserOrPassword;
            string command = UserConfig(scheme, longId ? string.Empty : id, longUser ? string.Empty : user, longPassword ? string.Empty : pass);
            if (Encoding.UTF8.GetBytes(command).Length > MaxCommandBytes)
            {
                longId = true;
                longUser = true;
                longPassword = true;
                command = UserConfig(scheme, string.Empty, string.Empty, string.Empty);
            }

            return Run(new AtCommand(command, null, 2000))
                && (!longId || SendLong("AT+MQTTLONGCLIENTID", clientId))
                && (!longUser || username.Length == 0 || SendLong("AT+MQTTLONGUSERNAME", username))
                && (!longPassword || password.Length == 0 || SendLong("AT+MQTTLONGPASSWORD", password))
                && Run(new AtCommand("AT+MQTTCONNCFG=0," + keepAliveSeconds.ToString() + "," + (cleanSession ? "0" : "1") + ",\"\",\"\",0,0", null, 2000));
        }

        private static string UserConfig(int scheme, string id, string user, string pass)
        {
            return "AT+MQTTUSERCFG=0," + scheme.ToString() + ",\"" + id + "\",\"" + user + "\",\"" + pass + "\",0,0,\"\"";
        }

        /// <summary>AT+MQTTCONN without automatic reconnect (the node decides when to retry).</summary>
        public bool Connect(string host, int port)
        {
            string h = AtText.EscapeEspAt(host);
            if (h == null || host.Length == 0 || host.Length > MaxHost || port < 1 || port > 65535)
            {
                return Invalid("host or port not usable in AT+MQTTCONN");
            }

            return Run(new AtCommand("AT+MQTTCONN=0,\"" + h + "\"," + port.ToString() + ",0", null, 30000));
        }

        /// <summary>True when AT+MQTTSUB can carry the filter and QoS (checked before anything is sent).</summary>
        public static bool IsUsableSubscription(string topic, int qos)
        {
            return EscapeTopic(topic) != null && qos >= 0 && qos <= 2;
        }

        public bool Subscribe(string topic, int qos)
        {
            string t = EscapeTopic(topic);
            if (t == null || qos < 0 || qos > 2)
            {
                return Invalid("topic or QoS not usable in AT+MQTTSUB");
            }

            return RunWithNotice(new AtCommand("AT+MQTTSUB=0,\"" + t + "\"," + qos.ToString(), null, 20000), "ALREADY SUBSCRIBE");
        }

        public bool Unsubscribe(string topic)
        {
            string t = EscapeTopic(topic);
            if (t == null)
            {
                return Invalid("topic not usable in AT+MQTTUNSUB");
            }

            return RunWithNotice(new AtCommand("AT+MQTTUNSUB=0,\"" + t + "\"", null, 20000), "NO UNSUBSCRIBE");
        }

        /// <summary>AT+MQTTPUBRAW: OK, then <c>&gt;</c>, exactly count bytes, then +MQTTPUB:OK or +MQTTPUB:FAIL.</summary>
        public bool Publish(string topic, byte[] payload, int offset, int count, int qos)
        {
            if (topic != null && Encoding.UTF8.GetBytes(topic).Length > MaxTopic)
            {
                return Invalid("topic of " + Encoding.UTF8.GetBytes(topic).Length.ToString() + " bytes passes ESP-AT's 128-byte topic limit (AT+MQTTPUBRAW)");
            }

            string t = EscapeTopic(topic);
            if (t == null || qos < 0 || qos > 1 || payload == null || offset < 0 || count < 1 || offset + count > payload.Length || count > MaxPayloadBytes)
            {
                return Invalid("topic, QoS or payload size not usable in AT+MQTTPUBRAW");
            }

            AtCommand publish = new AtCommand("AT+MQTTPUBRAW=0,\"" + t + "\"," + count.ToString() + "," + qos.ToString() + ",0", null, 20000);
            publish.OkIsFinal = false;
            publish.SuccessFinals = new string[] { "+MQTTPUB:OK" };
            publish.FailureFinals = new string[] { "+MQTTPUB:FAIL" };
            AtReply reply = Channel.SendData(publish, payload, offset, count, false, PromptTimeoutMs);
            return Check("AT+MQTTPUBRAW", reply);
        }

        /// <summary>AT+MQTTCLEAN: closes the client (best effort, keeps the previous LastError).</summary>
        public void Clean()
        {
            ModemError before = LastError;
            Channel.Send("AT+MQTTCLEAN=0", null, 5000);
            LastError = before;
        }

        private bool SendLong(string command, string value)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(value);
            AtReply reply = Channel.SendData(new AtCommand(command + "=0," + bytes.Length.ToString(), null, 2000), bytes, 0, bytes.Length, false, 2000);
            return Check(command, reply);
        }

        private static string EscapeTopic(string topic)
        {
            return topic == null || topic.Length == 0 || Encoding.UTF8.GetBytes(topic).Length > MaxTopic ? null : AtText.EscapeEspAt(topic);
        }

        /// <summary>
        /// A command whose notice line ("NO UNSUBSCRIBE", "ALREADY SUBSCRIBE") says the wanted state already holds. The
        /// notice is not a final: the firmware still prints OK or ERROR after it (MQTT AT Commands, AT+MQTTUNSUB), and
        /// ending the command at the notice would leave that final to end the next command early.
        /// </summary>
        public bool RunWithNotice(AtCommand command, string notice)
        {
            AtReply reply = Channel.Send(command);
            return IsNoticed(reply, notice) || Run(command.Text, reply);
        }

        /// <summary>True when the notice came and the exchange ended with a final (OK, ERROR) or timed out after it.</summary>
        public static bool IsNoticed(AtReply reply, string notice)
        {
            return reply.Find(notice) != null && reply.Status != AtStatus.Aborted && reply.Status != AtStatus.LineFailed;
        }

        private bool Run(string text, AtReply reply)
        {
            string name = text.IndexOf('=') > 0 ? text.Substring(0, text.IndexOf('=')) : text;
            return Check(name, reply);
        }

        private bool Run(AtCommand command)
        {
            string name = command.Text.IndexOf('=') > 0 ? command.Text.Substring(0, command.Text.IndexOf('=')) : command.Text;
            return Check(name, Channel.Send(command));
        }

        /// <summary>Keeps a typed error; "ERR CODE:0x…" before ERROR gives the ESP-AT error number.</summary>
        private bool Check(string name, AtReply reply)
        {
            if (reply.IsOk)
            {
                return true;
            }

            string code = reply.Find("ERR CODE:0x");
            LastError = code != null ? new ModemError(ModemErrorKind.EspError, ParseHex(code), name + " failed: ERR CODE 0x" + code) : ModemError.FromReply(name, reply);
            return false;
        }

        private static int ParseHex(string text)
        {
            int value = 0;
            for (int i = 0; i < text.Length && i < 8; i++)
            {
                int digit = "0123456789abcdef".IndexOf(text.ToLower()[i]);
                if (digit < 0)
                {
                    return -1;
                }

                value = (value << 4) | digit;
            }

            return value;
        }

        private bool Invalid(string message)
        {
            LastError = new ModemError(ModemErrorKind.InvalidArgument, -1, message);
            return false;
        }

        private void OnReceived(string header, byte[] data, int offset, int count)
        {
            string topic = EspAtRecv.Topic(header);
            MqttMessageHandler handler = MessageReceived;
            if (topic != null && handler != null)
            {
                handler(topic, data, offset, count);
            }
        }

        private void OnDisconnected(string line)
        {
            LastError = new ModemError(ModemErrorKind.LinkLost, -1, "broker connection lost (+MQTTDISCONNECTED)");
            LinkLostHandler handler = Lost;
            if (handler != null)
            {
                handler(LastError.Message);
            }
        }

        private void OnReboot(string line)
        {
            _log.Write(LogLevel.Warning, "esp-at", "module rebooted (ready)");
            NeedsInit = true;
            WifiConnected = false;
            _timeSet = false;
            _chipKnown = false;
            Channel.Abort("module rebooted");
            ModemEventHandler handler = Rebooted;
            if (handler != null)
            {
                handler();
            }
        }
    }
}
