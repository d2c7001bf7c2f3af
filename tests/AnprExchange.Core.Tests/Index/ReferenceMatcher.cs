using System.Text.RegularExpressions;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Core.Tests.Index;

/// <summary>
/// The naive model of the index: a dictionary of entries scanned in full on every read, OCR equivalence and wildcards
/// written from design.md without any of the index's encodings.
/// </summary>
internal sealed class ReferenceMatcher
{
    private static readonly string[] Groups = ["0ODQ", "1I", "2Z", "5S", "8B", "6G"];
    private readonly Dictionary<(HotlistId List, string Id), HotlistEntry> _entries = [];
    private readonly Dictionary<HotlistId, int> _tolerances = [];

    public int Count => _entries.Count;

    public void Upsert(HotlistEntry entry) => _entries[(entry.Hotlist, entry.EntryId)] = entry;

    public void Delete(HotlistId list, string id) => _entries.Remove((list, id));

    public void ReplaceList(HotlistId list, IEnumerable<HotlistEntry> entries)
    {
        foreach (var key in _entries.Keys.Where(k => k.List == list).ToList())
        {
            _entries.Remove(key);
        }
        foreach (var entry in entries)
        {
            Upsert(entry);
        }
    }

    public void SetTolerance(HotlistId list, int tolerance) => _tolerances[list] = tolerance;

    public List<(HotlistId List, string Id, MatchKind Kind)> Match(string read, DateTimeOffset at)
    {
        var result = new List<(HotlistId, string, MatchKind)>();
        foreach (var entry in _entries.Values)
        {
            if ((entry.ValidFrom is { } from && at < from) || (entry.ValidUntil is { } until && at >= until))
            {
                continue;
            }
            var plate = entry.Plate;
            if (plate.Contains('?') || plate.Contains('*'))
            {
                var regex = "^" + Regex.Escape(plate).Replace(@"\?", ".").Replace(@"\*", ".*") + "$";
                if (Regex.IsMatch(read, regex))
                {
                    result.Add((entry.Hotlist, entry.EntryId, MatchKind.Wildcard));
                }
                continue;
            }
            if (plate == read)
            {
                result.Add((entry.Hotlist, entry.EntryId, MatchKind.Exact));
                continue;
            }
            if (plate.Length != read.Length)
            {
                continue;
            }
            var substitutions = 0;
            var equivalent = true;
            for (var i = 0; i < plate.Length && equivalent; i++)
            {
                if (plate[i] != read[i])
                {
                    equivalent = Groups.Any(g => g.Contains(plate[i]) && g.Contains(read[i]));
                    substitutions++;
                }
            }
            if (equivalent && substitutions <= _tolerances.GetValueOrDefault(entry.Hotlist, 1))
            {
                result.Add((entry.Hotlist, entry.EntryId, MatchKind.OcrEquivalent));
            }
        }
        return result;
    }

    public int PriorityOf(HotlistId list, string id) => _entries[(list, id)].Priority;
}
