using StmNode.At;
using StmNode.Modems;
using StmNode.Ports;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Modems
{
    /// <summary>Scripted BC26 / EC20 exchanges shared by the Quectel tests (what a healthy modem answers).</summary>
    public static class QuectelScripts
    {
        public const string Ok = "\r\nOK\r\n";

        public static QuectelModem Modem(ScriptedModemLine line, ManualClock clock, bool ec20)
        {
            return Modem(line, clock, ec20, new RecordingLog());
        }

        public static QuectelModem Modem(ScriptedModemLine line, ManualClock clock, bool ec20, RecordingLog log)
        {
            AtChannel channel = new AtChannel(line, clock, new RecordingLog());
            return new QuectelModem(ec20 ? QuectelModel.Ec20 : QuectelModel.Bc26, channel, log, null, null);
        }

        /// <summary>What AT+QIOPEN=? lists on an EC20 (access modes 0 buffer, 1 direct push, 2 transparent).</summary>
        public const string QiopenList = "\r\n+QIOPEN: (1-16),(0-11),(\"TCP\",\"UDP\",\"TCP LISTENER\",\"UDP SERVICE\"),\"<IP_address>/<domain_name>\",(1-65535),(0-65535),(0-2)\r\n" + Ok;

        /// <summary>What AT+QMTCFG=? lists on a current firmware (the shape of the Quectel MQTT notes' test command).</summary>
        public static string QmtcfgList(bool ec20)
        {
            return ec20
                ? "\r\n+QMTCFG: \"version\",(0-5),(3,4)\r\n+QMTCFG: \"pdpcid\",(0-5),(1-16)\r\n+QMTCFG: \"ssl\",(0-5),(0,1),(0-5)\r\n"
                    + "+QMTCFG: \"keepalive\",(0-5),(0-3600)\r\n+QMTCFG: \"recv/mode\",(0-5),(0,1),(0,1)\r\n" + Ok
                : "\r\n+QMTCFG: \"version\",(0-5),(3,4)\r\n+QMTCFG: \"echomode\",(0-5),(0,1)\r\n"
                    + "+QMTCFG: \"dataformat\",(0-5),(0,1),(0,1)\r\n" + Ok;
        }

        public static MqttConnectOptions Options()
        {
            MqttConnectOptions options = new MqttConnectOptions();
            options.Host = "iot.example.com";
            options.Port = 1883;
            options.ClientId = "dev1_0_0_2026112510";
            options.Username = "dev1";
            options.Password = "pw";
            options.KeepAliveSeconds = 120;
            return options;
        }

        /// <summary>Modem already on: AT, init, SIM, registration, bearer.</summary>
        public static void BringUp(ScriptedModemLine line, bool ec20)
        {
            line.Expect("AT", Ok).Expect("ATE0", Ok).Expect("AT+CMEE=1", Ok).Expect("AT+CEREG=1", Ok);
            if (ec20)
            {
                line.Expect("AT+QURCCFG=\"urcport\",\"uart1\"", Ok).Expect("AT+CGREG=1", Ok);
                line.Expect("AT+CPIN?", "\r\n+CPIN: READY\r\n" + Ok);
                line.Expect("AT+CEREG?", "\r\n+CEREG: 1,1\r\n" + Ok);
                line.Expect("AT+QIACT?", "\r\n+QIACT: 1,1,1,\"10.0.0.2\"\r\n" + Ok);
            }
            else
            {
                line.Expect("AT+QSCLK=0", Ok);
                line.Expect("AT+CPIN?", "\r\n+CPIN: READY\r\n" + Ok);
                line.Expect("AT+CEREG?", "\r\n+CEREG: 1,1\r\n" + Ok);
                line.Expect("AT+CGATT?", "\r\n+CGATT: 1\r\n" + Ok);
            }
        }

        public static void Configure(ScriptedModemLine line, bool ec20, string ssl)
        {
            line.Expect("AT+QMTCFG=?", QmtcfgList(ec20)).Expect("AT+QMTCFG=\"version\",0,4", Ok);
            ConfigureAfterVersion(line, ec20, ssl);
        }

        /// <summary>The QMTCFG lines after the probe and the version step.</summary>
        public static void ConfigureAfterVersion(ScriptedModemLine line, bool ec20, string ssl)
        {
            line.Expect("AT+QMTCFG=\"keepalive\",0,120", Ok)
                .Expect("AT+QMTCFG=\"session\",0,1", Ok).Expect("AT+QMTCFG=\"timeout\",0,10,3,0", Ok);
            if (ec20)
            {
                line.Expect("AT+QMTCFG=\"recv/mode\",0,0,1", Ok).Expect("AT+QMTCFG=\"pdpcid\",0,1", Ok)
                    .Expect("AT+QMTCFG=\"ssl\",0," + ssl, Ok);
            }
            else
            {
                line.Expect("AT+QMTCFG=\"echomode\",0,0", Ok).Expect("AT+QMTCFG=\"dataformat\",0,0,1", Ok);
            }
        }

        public static void OpenAndConnect(ScriptedModemLine line)
        {
            line.Expect("AT+QMTOPEN=0,\"iot.example.com\",1883", Ok).Then(2000, "\r\n+QMTOPEN: 0,0\r\n");
            line.Expect("AT+QMTCONN=0,\"dev1_0_0_2026112510\",\"dev1\",\"pw\"", Ok).Then(500, "\r\n+QMTCONN: 0,0,0\r\n");
        }

        /// <summary>A link that went through the whole healthy connect script.</summary>
        public static QuectelMqttLink Connected(ScriptedModemLine line, ManualClock clock, bool ec20)
        {
            BringUp(line, ec20);
            Configure(line, ec20, "0");
            OpenAndConnect(line);
            QuectelMqttLink link = new QuectelMqttLink(Modem(line, clock, ec20));
            LinkResult result = link.Connect(Options());
            if (result != LinkResult.Ok || line.Failure != null)
            {
                throw new System.InvalidOperationException("connect script failed: " + link.LastError + " / " + line.Failure);
            }

            return link;
        }
    }
}
