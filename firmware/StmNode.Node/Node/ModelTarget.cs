namespace StmNode.Node
{
    /// <summary>What a value written to a model property or command parameter changes on the node.</summary>
    public enum ModelTarget
    {
        /// <summary>Nothing: a reading the node reports.</summary>
        None = 0,
        /// <summary>The LED numbered by the entry's Index: 0 off, 1 on.</summary>
        Led = 1,
        /// <summary>SET_LED's "led": the LED its "state" switches.</summary>
        LedNumber = 2,
        /// <summary>SET_LED's "state": 0 off, 1 on, for the LED "led" names.</summary>
        LedState = 3,
        /// <summary>Seconds between periodic reports.</summary>
        ReportPeriod = 4,
        /// <summary>Seconds between diag reports.</summary>
        DiagPeriod = 5,
        /// <summary>Gas level in percent that raises the MQ2 alarm (0: the comparator output only).</summary>
        GasThreshold = 6,
        /// <summary>Least seconds between two alarm reports.</summary>
        AlarmMinInterval = 7,
        /// <summary>A response's outcome text ("success", or why not).</summary>
        Result = 8
    }
}
