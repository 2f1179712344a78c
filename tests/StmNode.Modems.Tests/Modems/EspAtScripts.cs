using StmNode.At;
using StmNode.Modems;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Modems
{
    /// <summary>Scripted ESP-AT exchanges shared by the ESP-AT tests.</summary>
    public static class EspAtScripts
    {
        public const string Ok = "\r\nOK\r\n";

        public static EspAtMqttLink Link(ScriptedModemLine line, ManualClock clock)
        {
            EspAtModem modem = new EspAtModem(new AtChannel(line, clock, new RecordingLog()), new RecordingLog());
            return new EspAtMqttLink(modem, "home,net", "p\"w\\d");
        }

        /// <summary>AT+GMR of an ESP32 on ESP-AT 2.x (the shape of the Basic AT Commands example).</summary>
        public const string GmrEsp32 = "\r\nAT version:2.4.0.0(4c6eb5e - ESP32 - May 20 2022 03:12:58)\r\nSDK version:v4.2.2\r\n"
            + "compile time(5641e0a):May 20 2022 11:13:44\r\nBin version:2.4.0(WROOM-32)\r\n" + Ok;

        /// <summary>AT+GMR of an ESP8266 on ESP-AT 2.2.</summary>
        public const string GmrEsp8266 = "\r\nAT version:2.2.1.0(8d7d3c8 - ESP8266 - Jun 17 2021 12:49:11)\r\nSDK version:v3.4-22-g967752e2\r\n"
            + "compile time(6800286):Aug  4 2021 17:20:05\r\nBin version:2.2.1(ESP8266_1MB)\r\n" + Ok;

        public static void StartAndJoin(ScriptedModemLine line)
        {
            StartAndJoin(line, null);
        }

        /// <summary>With gmr: a TLS connect, which asks the chip (AT+GMR) before joining.</summary>
        public static void StartAndJoin(ScriptedModemLine line, string gmr)
        {
            line.Expect("AT", Ok).Expect("ATE0", Ok).Expect("AT+CWMODE=1", Ok);
            if (gmr != null)
            {
                line.Expect("AT+GMR", gmr);
            }

            line.Expect("AT+CWJAP=\"home\\,net\",\"p\\\"w\\\\d\"", "\r\nWIFI CONNECTED\r\n\r\nWIFI GOT IP\r\n" + Ok, 3000);
        }

        public static void ConfigureAndConnect(ScriptedModemLine line)
        {
            line.Expect("AT+MQTTUSERCFG=0,1,\"dev1_0_0_2026112510\",\"dev1\",\"pw\",0,0,\"\"", Ok);
            line.Expect("AT+MQTTCONNCFG=0,120,0,\"\",\"\",0,0", Ok);
            line.Expect("AT+MQTTCONN=0,\"iot.example.com\",1883,0", "\r\n+MQTTCONNECTED:0,1,\"iot.example.com\",\"1883\",\"\",0\r\n" + Ok, 800);
        }

        public static EspAtMqttLink Connected(ScriptedModemLine line, ManualClock clock)
        {
            StartAndJoin(line);
            ConfigureAndConnect(line);
            EspAtMqttLink link = Link(line, clock);
            LinkResult result = link.Connect(QuectelScripts.Options());
            if (result != LinkResult.Ok || line.Failure != null)
            {
                throw new System.InvalidOperationException("connect script failed: " + link.LastError + " / " + line.Failure);
            }

            return link;
        }
    }
}
