using System.Collections.Frozen;
using System.Text;
using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Matcher.Lookup;

/// <summary>
/// Exact-plate lookup over an immutable dictionary swapped on every batch: simple and lock-free for readers,
/// but it rebuilds on each batch and knows neither OCR equivalence nor wildcards. The compact HotlistIndex replaces it.
/// </summary>
public sealed class SimpleHotlistLookup : IHotlistLookup
{
    private readonly Dictionary<(string Country, string List), Dictionary<string, HotlistEntryRecord>> _lists = [];
    private volatile FrozenDictionary<string, HotlistEntryRecord[]> _byPlate = FrozenDictionary<string, HotlistEntryRecord[]>.Empty;

    public int Count => _byPlate.Values.Sum(e => e.Length);

    public void Apply(HotlistBatchManifest manifest, IReadOnlyList<HotlistEntryRecord> entries)
    {
        var key = (manifest.Country, manifest.List);
        if (manifest.Mode == HotlistPushMode.Full || !_lists.TryGetValue(key, out var list))
        {
            list = new Dictionary<string, HotlistEntryRecord>(StringComparer.Ordinal);
            _lists[key] = list;
        }
        foreach (var entry in entries)
        {
            if (entry.Operation == HotlistEntryOperation.Delete)
            {
                list.Remove(entry.EntryId);
            }
            else
            {
                list[entry.EntryId] = entry;
            }
        }
        _byPlate = _lists.Values.SelectMany(l => l.Values)
            .GroupBy(e => e.Plate, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public void Match(ReadOnlySpan<byte> normalizedPlate, DateTimeOffset at, List<AlertMatch> matches)
    {
        if (!_byPlate.TryGetValue(Encoding.ASCII.GetString(normalizedPlate), out var entries))
        {
            return;
        }
        foreach (var entry in entries)
        {
            if ((entry.ValidFrom is { } from && at < from) || (entry.ValidUntil is { } until && at >= until))
            {
                continue;
            }
            matches.Add(new AlertMatch
            {
                EntryId = entry.EntryId,
                SourceCountry = entry.SourceCountry,
                List = entry.List,
                Category = entry.Category,
                Action = entry.Action,
                Priority = entry.Priority,
                MatchKind = MatchKind.Exact,
                Reference = entry.Reference,
                Covert = entry.Covert,
            });
        }
    }
}
