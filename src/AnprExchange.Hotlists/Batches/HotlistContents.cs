using AnprExchange.Contracts.Records;

namespace AnprExchange.Hotlists.Batches;

/// <summary>
/// The entries in force per (country, list), built by applying committed batches in order: a full batch replaces its
/// list, a delta upserts and deletes. What `anpr hotlist export` writes out (with <see cref="Csv.HotlistCsvWriter"/>);
/// the matcher keeps the same state in its compact index instead. The order of entries is not significant.
/// </summary>
public sealed class HotlistContents
{
    private readonly Dictionary<(string Country, string List), Dictionary<string, HotlistEntryRecord>> _lists = [];

    public IEnumerable<(string Country, string List)> Lists => _lists.Keys;

    /// <summary>Applies a committed batch; other outcomes change nothing.</summary>
    public void Apply(HotlistBatchOutcome outcome)
    {
        if (outcome.Kind != HotlistBatchOutcomeKind.Committed || outcome.Manifest is not { } manifest)
        {
            return;
        }
        var key = (manifest.Country, manifest.List);
        if (manifest.Mode == HotlistPushMode.Full || !_lists.TryGetValue(key, out var entries))
        {
            _lists[key] = entries = new Dictionary<string, HotlistEntryRecord>(outcome.Entries.Count, StringComparer.Ordinal);
        }
        foreach (var entry in outcome.Entries)
        {
            if (entry.Operation == HotlistEntryOperation.Delete)
            {
                entries.Remove(entry.EntryId);
            }
            else
            {
                entries[entry.EntryId] = entry;
            }
        }
    }

    /// <summary>The entries in force for a list (empty when the list is unknown).</summary>
    public IReadOnlyCollection<HotlistEntryRecord> Entries(string country, string list) =>
        _lists.TryGetValue((country, list), out var entries) ? entries.Values : [];
}
