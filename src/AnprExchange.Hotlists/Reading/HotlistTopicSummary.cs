using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Batches;

namespace AnprExchange.Hotlists.Reading;

/// <summary>
/// What <see cref="HotlistTopicReader"/> found: the version in force per list (from the assembler), every batch that was
/// not applied with its reason, the newest manifest seen per list (verified or not), and how much was read.
/// </summary>
public sealed record HotlistTopicSummary
{
    public required IReadOnlyList<HotlistListStatus> Lists { get; init; }
    public required IReadOnlyList<HotlistBatchOutcome> NotApplied { get; init; }
    /// <summary>Newest manifest (highest version) per (country, list), as read: not verified.</summary>
    public required IReadOnlyList<HotlistBatchManifest> LatestManifests { get; init; }
    /// <summary>Batches still incomplete when the end was reached (a push in progress, or entries lost).</summary>
    public required int PendingBatches { get; init; }
    public required long RecordsRead { get; init; }
    public required int Partitions { get; init; }
    /// <summary>Hotlist topics that do not exist on the cluster.</summary>
    public required IReadOnlyList<string> MissingTopics { get; init; }
}
