using AnprExchange.Contracts.Records;
using Microsoft.Extensions.Logging;

namespace AnprExchange.Hotlists.Batches;

/// <summary>Log lines for batch outcomes (no plates: reasons name sequences, lists and keys only).</summary>
public static partial class HotlistBatchLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Hotlist {Country}/{List} version {Version} committed: {EntryCount} entries ({Mode}), signed by {SignerKeyId}")]
    public static partial void Committed(ILogger logger, string country, string list, long version, int entryCount, HotlistPushMode mode, string signerKeyId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Hotlist batch {BatchId} for {Country}/{List} rejected ({Verdict}): {Reason}; the version in force is unchanged")]
    public static partial void Rejected(ILogger logger, string batchId, string country, string list, string verdict, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "Hotlist batch {BatchId} for {Country}/{List} abandoned: {Reason}")]
    public static partial void Abandoned(ILogger logger, string batchId, string country, string list, string reason);

    /// <summary>Logs an outcome at the level it deserves.</summary>
    public static void Log(ILogger logger, HotlistBatchOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case HotlistBatchOutcomeKind.Committed:
                Committed(logger, outcome.Country, outcome.List, outcome.Manifest!.Version, outcome.Entries.Count, outcome.Manifest.Mode, outcome.Manifest.SignerKeyId);
                break;
            case HotlistBatchOutcomeKind.Rejected:
                Rejected(logger, outcome.BatchId, outcome.Country, outcome.List, outcome.Verification.Verdict.ToString(), outcome.Verification.Reason);
                break;
            default:
                Abandoned(logger, outcome.BatchId, outcome.Country, outcome.List, outcome.Verification.Reason);
                break;
        }
    }
}
