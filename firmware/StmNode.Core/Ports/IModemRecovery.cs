namespace StmNode.Ports
{
    /// <summary>
    /// The escalation ladder a modem driver offers when its link keeps failing, mildest first. Each call is bounded in
    /// time and returns false when the step itself failed (the ladder then goes on regardless).
    /// </summary>
    public interface IModemRecovery
    {
        /// <summary>Closes and reopens the modem's MQTT context (e.g. AT+QMTCLOSE / AT+QMTOPEN).</summary>
        bool ReopenMqtt();

        /// <summary>Switches the radio off and on (AT+CFUN=0, AT+CFUN=1) and waits for registration.</summary>
        bool CycleRadio();

        /// <summary>Powers the modem off and on with its PWRKEY (or RESET) line.</summary>
        bool CyclePower();
    }
}
