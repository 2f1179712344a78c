namespace StmNode.Ports
{
    /// <summary>The board as the node sees it: memory and reset figures for diag, and a way to restart.</summary>
    public interface ISystemControl
    {
        /// <summary>Free managed memory in bytes; -1 when unknown.</summary>
        long FreeMemoryBytes { get; }

        /// <summary>Why the board last started ("power-on", "watchdog", ...); "" when unknown.</summary>
        string ResetReason { get; }

        string FirmwareVersion { get; }

        /// <summary>Restarts the board (on the device this does not return).</summary>
        void RequestReboot(string reason);
    }
}
