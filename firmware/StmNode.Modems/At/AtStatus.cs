namespace StmNode.At
{
    /// <summary>How an AT exchange ended.</summary>
    public enum AtStatus
    {
        /// <summary><c>OK</c>, a driver-specific success final (<c>SEND OK</c>), the <c>&gt;</c> prompt or the awaited line.</summary>
        Ok = 0,
        /// <summary>Plain <c>ERROR</c>.</summary>
        Error = 1,
        /// <summary><c>+CME ERROR: n</c>; the reply's Code holds n.</summary>
        CmeError = 2,
        /// <summary><c>+CMS ERROR: n</c>; the reply's Code holds n.</summary>
        CmsError = 3,
        /// <summary>A driver-specific failure final (<c>SEND FAIL</c>, <c>FAIL</c>, <c>+MQTTPUB:FAIL</c>).</summary>
        Failed = 4,
        /// <summary>Nothing conclusive arrived within the command's timeout.</summary>
        Timeout = 5,
        /// <summary>The wait was abandoned, e.g. because the modem rebooted in the middle of it.</summary>
        Aborted = 6,
        /// <summary>The serial line refused the write or is closed.</summary>
        LineFailed = 7,
        /// <summary>The command was refused before sending (bad argument, e.g. a quote in a topic).</summary>
        Rejected = 8
    }
}
