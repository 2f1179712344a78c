#nullable enable
using System;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// Thrown by a command handler for a rejected command; the engine turns it into the reply the real modem
    /// gives (<c>+CME ERROR: n</c> or plain <c>ERROR</c>). It never leaves the emulator.
    /// </summary>
    public sealed class AtParameterException : Exception
    {
        public AtParameterException(int cmeCode)
            : base("+CME ERROR: " + cmeCode)
        {
            CmeCode = cmeCode;
        }

        /// <summary>27.007 error code: 3 not allowed, 4 not supported, 50 incorrect parameters.</summary>
        public int CmeCode { get; }
    }
}
