namespace AnprExchange.EdgeAgent.Spool;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Spool segment {Path}: torn tail at byte {Offset}, {Bytes} bytes truncated")]
    public static partial void TornTail(ILogger logger, string path, long offset, long bytes);

    [LoggerMessage(2, LogLevel.Information, "Spool {Directory} opened: {Segments} segments, {Pending} reads to send from sequence {Released}")]
    public static partial void Recovered(ILogger logger, string directory, int segments, long pending, long released);

    [LoggerMessage(3, LogLevel.Debug, "Spool segment {Path} started")]
    public static partial void SegmentRolled(ILogger logger, string path);

    [LoggerMessage(4, LogLevel.Debug, "Spool segment {Path} released (last sequence {LastSequence})")]
    public static partial void SegmentReleased(ILogger logger, string path, long lastSequence);

    [LoggerMessage(5, LogLevel.Warning, "Spool checkpoint {Path} is damaged; resending from the oldest segment")]
    public static partial void CheckpointDamaged(ILogger logger, string path);

    [LoggerMessage(6, LogLevel.Error, "Spool commit failed: the reads of this commit are not acknowledged, cameras resend them")]
    public static partial void CommitFailed(ILogger logger, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "Spool segment file {Path} could not be renamed or deleted; it still counts against the disk bound until the next start")]
    public static partial void SegmentDeleteFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "Spool spare {Path} could not be renamed into a new segment; the next spare or a new file is used")]
    public static partial void SpareUnusable(ILogger logger, string path, Exception exception);
}
