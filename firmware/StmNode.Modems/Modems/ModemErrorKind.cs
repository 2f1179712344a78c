namespace StmNode.Modems
{
    /// <summary>What went wrong in a modem operation; <see cref="ModemError.Code"/> carries the modem's own number.</summary>
    public enum ModemErrorKind
    {
        None = 0,
        /// <summary>No answer (or no result URC) in time.</summary>
        Timeout = 1,
        /// <summary>Plain ERROR.</summary>
        AtError = 2,
        /// <summary>+CME ERROR: Code.</summary>
        CmeError = 3,
        /// <summary>+CMS ERROR: Code.</summary>
        CmsError = 4,
        /// <summary>The modem rebooted (RDY / ready / boot banner) while the operation ran.</summary>
        Rebooted = 5,
        /// <summary>The serial line failed.</summary>
        LineFailed = 6,
        /// <summary>An argument was refused before anything was sent (unsafe characters, too long, bad QoS).</summary>
        InvalidArgument = 7,
        /// <summary>SIM not ready, not registered, PDP not active.</summary>
        NotReady = 8,
        /// <summary>+QMTOPEN result Code (-1, 1..5).</summary>
        OpenFailed = 9,
        /// <summary>+QMTCONN/SUB/UNS/PUB result Code (1 retransmission, 2 failed to send).</summary>
        PacketFailed = 10,
        /// <summary>+QMTCONN ret_code = CONNACK return code Code (1..5).</summary>
        ConnackRefused = 11,
        /// <summary>+QMTSUB granted QoS 128: the broker refused the subscription.</summary>
        SubscribeRejected = 12,
        /// <summary>+QMTSTAT err_code Code, +QMTPING, +MQTTDISCONNECTED: the session is gone.</summary>
        LinkLost = 13,
        /// <summary>ESP-AT "ERR CODE:0x…" or "+CWJAP:n" (Code holds the number).</summary>
        EspError = 14,
        /// <summary>The operation needs a connected session.</summary>
        NotConnected = 15,
        /// <summary>A driver-specific failure final (+MQTTPUB:FAIL, SEND FAIL, FAIL).</summary>
        Failed = 16
    }
}
