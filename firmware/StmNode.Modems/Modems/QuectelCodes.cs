namespace StmNode.Modems
{
    /// <summary>Texts for the Quectel MQTT result and error codes (BC26 MQTT note V1.1 §3, LTE Standard §4).</summary>
    public static class QuectelCodes
    {
        /// <summary>+QMTOPEN &lt;result&gt;.</summary>
        public static string Open(int result)
        {
            switch (result)
            {
                case -1: return "failed to open network";
                case 0: return "opened";
                case 1: return "wrong parameter";
                case 2: return "MQTT identifier occupied";
                case 3: return "failed to activate PDP";
                case 4: return "failed to parse domain name";
                case 5: return "network disconnection error";
                default: return "unknown open result";
            }
        }

        /// <summary>+QMTCONN / SUB / UNS / PUB &lt;result&gt;.</summary>
        public static string Packet(int result)
        {
            switch (result)
            {
                case 0: return "sent and acknowledged";
                case 1: return "packet retransmission";
                case 2: return "failed to send packet";
                default: return "unknown packet result";
            }
        }

        /// <summary>+QMTCONN &lt;ret_code&gt; = CONNACK return code.</summary>
        public static string Connack(int code)
        {
            switch (code)
            {
                case 0: return "connection accepted";
                case 1: return "unacceptable protocol version";
                case 2: return "identifier rejected";
                case 3: return "server unavailable";
                case 4: return "bad user name or password";
                case 5: return "not authorized";
                default: return "unknown CONNACK code";
            }
        }

        /// <summary>+QMTSTAT &lt;err_code&gt;: why the modem closed the MQTT connection.</summary>
        public static string Stat(int code)
        {
            switch (code)
            {
                case 1: return "connection closed or reset by peer";
                case 2: return "PINGREQ timed out or failed";
                case 3: return "CONNECT timed out or failed";
                case 4: return "CONNACK timed out or failed";
                case 5: return "server closed the connection after DISCONNECT";
                case 6: return "closed after persistent packet send failures";
                case 7: return "link not alive or server unavailable";
                default: return "reserved status code";
            }
        }
    }
}
