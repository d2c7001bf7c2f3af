using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Index;
using AnprExchange.Core.Plates;

namespace AnprExchange.Core.Tests.Index;

/// <summary>Test helpers: entries with sensible defaults and lookups that return something easy to assert on.</summary>
internal static class Entries
{
    public static readonly DateTimeOffset Noon = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    public static HotlistEntry Entry(string id, string plate, string list = "stolen", string country = "NL", int priority = 50,
        DateTimeOffset? from = null, DateTimeOffset? until = null, string? reference = null) => new()
        {
            SourceCountry = country,
            List = list,
            EntryId = id,
            Plate = plate,
            Category = HotlistCategory.StolenVehicle,
            Action = HotlistAction.Stop,
            Priority = priority,
            ValidFrom = from,
            ValidUntil = until,
            Reference = reference,
        };

    public static PlateQuery Query(string plate, DateTimeOffset? at = null)
    {
        Assert.Equal(PlateStatus.Valid, PlateQuery.TryCreate(plate.AsSpan(), at ?? Noon, out var query));
        return query;
    }

    public static List<(string EntryId, MatchKind Kind)> Match(this HotlistIndex index, string plate, DateTimeOffset? at = null)
    {
        var view = index.Acquire();
        var matches = new HotlistMatch[64];
        var count = view.Lookup(Query(plate, at), matches);
        Assert.True(count <= matches.Length);
        return [.. matches.Take(count).Select(m => (view.GetEntryId(m), m.Kind))];
    }
}
