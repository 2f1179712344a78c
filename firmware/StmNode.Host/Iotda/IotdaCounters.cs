namespace StmNode.Host.Iotda
{
    /// <summary>Emulator-wide totals since start.</summary>
    public sealed record IotdaCounters(
        long Connections,
        long RefusedConnections,
        long Reports,
        long MessagesUp,
        long EventsUp,
        long RequestsSent,
        long RequestsAnswered,
        long RequestsTimedOut,
        long TimeSyncAnswers,
        long Problems);
}
