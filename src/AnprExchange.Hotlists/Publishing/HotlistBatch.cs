using AnprExchange.Contracts.Records;

namespace AnprExchange.Hotlists.Publishing;

/// <summary>A prepared push: entries with BatchId and Sequence set, in sequence order, and the signed manifest to send after them.</summary>
public sealed record HotlistBatch(IReadOnlyList<HotlistEntryRecord> Entries, HotlistBatchManifest Manifest);
