using AnprExchange.Core.Hotlists;

namespace AnprExchange.Core.Index;

/// <summary>
/// A reader's handle on one published generation of a <see cref="HotlistIndex"/>: lookups and the resolution of their
/// <see cref="HotlistMatch"/> results see the same state even while the writer publishes newer ones. Cheap to take
/// (one volatile read); take one per read or per batch.
/// </summary>
public readonly struct HotlistIndexView
{
    private readonly IndexGeneration _generation;

    internal HotlistIndexView(IndexGeneration generation) => _generation = generation;

    /// <summary>Increases with every published batch.</summary>
    public long Version => _generation.Version;

    /// <summary>Live entries (plates and patterns).</summary>
    public int Count => _generation.Count;

    /// <summary>
    /// Writes the entries matching the read into <paramref name="destination"/>, highest priority (0) first, and
    /// returns how many match; if that is more than the span holds, only the first ones found were written: retry with
    /// a larger span. Allocation-free and lock-free.
    /// </summary>
    public int Lookup(in PlateQuery query, Span<HotlistMatch> destination) => _generation.Lookup(query, destination);

    /// <summary>
    /// Looks up many reads, prefetching the slots each will probe. Matches of read i are written consecutively, their
    /// number in <paramref name="counts"/>[i]. Returns the number of reads processed: fewer than all when
    /// <paramref name="matches"/> ran out of room; call again with the rest.
    /// </summary>
    public int LookupBatch(ReadOnlySpan<PlateQuery> queries, Span<HotlistMatch> matches, Span<int> counts)
    {
        if (counts.Length < queries.Length)
        {
            throw new ArgumentException("counts must hold one number per query", nameof(counts));
        }
        return _generation.LookupBatch(queries, matches, counts);
    }

    public HotlistId GetHotlist(in HotlistMatch match) => _generation.Lists[match.ListId];

    public string GetEntryId(in HotlistMatch match)
    {
        var records = _generation.Records;
        var entryId = records.Text.GetString(records[match.RecordId].EntryId) ?? "";
        GC.KeepAlive(_generation); // rows and texts are native memory owned through the generation
        return entryId;
    }

    public string? GetReference(in HotlistMatch match)
    {
        var records = _generation.Records;
        var reference = records.Text.GetString(records[match.RecordId].Reference);
        GC.KeepAlive(_generation);
        return reference;
    }

    /// <summary>The whole entry behind a match (allocates; cold path).</summary>
    public HotlistEntry GetEntry(in HotlistMatch match)
    {
        var entry = HotlistIndex.ToEntry(_generation.Records, _generation.Lists, match.RecordId);
        GC.KeepAlive(_generation);
        return entry;
    }

    /// <summary>OCR substitutions tolerated for the list (0–2).</summary>
    public int GetOcrTolerance(in HotlistMatch match) => _generation.Tolerances[match.ListId];
}
