using AnprExchange.Contracts.Records;

namespace AnprExchange.Hotlists.Batches;

/// <summary>
/// The version in force for one (country, list), for `anpr hotlist status`. <see cref="EntryCount"/> is exact after
/// a full push; after deltas it is estimated (upserts added, deletes subtracted) unless the index that applies
/// the batches reports the true count through <see cref="HotlistBatchAssembler.SetEntryCount"/>.
/// </summary>
public sealed record HotlistListStatus
{
    public required string Country { get; init; }
    public required string List { get; init; }
    public required long Version { get; init; }
    public required long EntryCount { get; init; }
    public required HotlistPushMode LastMode { get; init; }
    public required string BatchId { get; init; }
    public required string SignerKeyId { get; init; }
    /// <summary>When the publisher created the batch in force.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When this process committed it.</summary>
    public required DateTimeOffset CommittedAt { get; init; }
    public int OcrTolerance { get; init; } = 1;
}
