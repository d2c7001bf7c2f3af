using AnprExchange.Contracts.Records;

namespace AnprExchange.Matcher.Lookup;

/// <summary>
/// What the matcher needs of a hotlist: apply committed batches (one writer) and match normalised plates (many
/// readers, concurrently with the writer).
/// </summary>
public interface IHotlistLookup
{
    /// <summary>Applies a committed batch: full mode replaces the list, delta mode upserts and deletes.</summary>
    void Apply(HotlistBatchManifest manifest, IReadOnlyList<HotlistEntryRecord> entries);

    /// <summary>Adds every entry valid at <paramref name="at"/> matching <paramref name="normalizedPlate"/> to <paramref name="matches"/>.</summary>
    void Match(ReadOnlySpan<byte> normalizedPlate, DateTimeOffset at, List<AlertMatch> matches);

    /// <summary>Number of live entries, all lists together.</summary>
    int Count { get; }
}
