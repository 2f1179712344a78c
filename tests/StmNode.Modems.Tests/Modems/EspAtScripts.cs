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

        public static void StartAndJoin(ScriptedModemLine line)
        {
            line.Expect("AT", Ok).Expect("ATE0", Ok).Expect("AT+CWMODE=1", Ok);
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
