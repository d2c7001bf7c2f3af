using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Plates;

namespace AnprExchange.Cli.Demo;

/// <summary>
/// Deterministic sample hotlists for the demo: per country a national list of its own plates plus foreign plates,
/// in realistic formats and categories, a few of them already expired.
/// </summary>
internal static class SampleHotlists
{
    public static IReadOnlyList<HotlistEntryRecord> Generate(string country, int count, DateTimeOffset now, int seed)
    {
        var random = new Random(seed ^ country.GetHashCode(StringComparison.Ordinal) & 0x7fffffff);
        var categories = Enum.GetValues<HotlistCategory>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<HotlistEntryRecord>(count);
        string[] plateCountries = [country, country, country, country, "DE", "FR"];
        while (entries.Count < count)
        {
            var plateCountry = plateCountries[random.Next(plateCountries.Length)];
            PlateNormalizer.TryNormalize(SamplePlates.Next(random, plateCountry), out var plate, out _);
            if (!seen.Add(plate))
            {
                continue;
            }
            var category = categories[random.Next(categories.Length)];
            var expired = random.Next(50) == 0;
            entries.Add(new HotlistEntryRecord
            {
                BatchId = "",
                Sequence = entries.Count,
                Operation = HotlistEntryOperation.Upsert,
                SourceCountry = country,
                List = "national",
                EntryId = $"{country}-{entries.Count + 1:D6}",
                Plate = plate,
                PlateCountry = plateCountry,
                Category = category,
                Action = category is HotlistCategory.StolenVehicle or HotlistCategory.SisSeizure ? HotlistAction.Stop
                    : category is HotlistCategory.SisDiscreetCheck ? HotlistAction.Observe : HotlistAction.Check,
                Priority = random.Next(0, 101),
                ValidFrom = now.AddDays(-random.Next(1, 400)),
                ValidUntil = expired ? now.AddDays(-1) : now.AddDays(random.Next(30, 400)),
                Covert = category is HotlistCategory.SisDiscreetCheck,
                Reference = $"{country}/{random.Next(100000, 999999)}",
            });
        }
        return entries;
    }
}
