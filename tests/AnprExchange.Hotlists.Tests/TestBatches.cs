using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;
using AnprExchange.Hotlists.Publishing;
using AnprExchange.Hotlists.Signing;
using Microsoft.Extensions.Time.Testing;

namespace AnprExchange.Hotlists.Tests;

/// <summary>Builds signed batches for tests.</summary>
internal static class TestBatches
{
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));

    public static HotlistEntryRecord Entry(string id, string plate = "AB123", string country = "BE", string list = "stolen",
        HotlistEntryOperation op = HotlistEntryOperation.Upsert) => new()
        {
            BatchId = "",
            Sequence = 0,
            Operation = op,
            SourceCountry = country,
            List = list,
            EntryId = id,
            Plate = op == HotlistEntryOperation.Delete ? "" : plate,
            Category = HotlistCategory.StolenVehicle,
            Action = HotlistAction.Stop,
            Priority = 10,
            ValidFrom = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1_234_567),
            Reference = "ref-" + id,
        };

    public static IReadOnlyList<HotlistEntryRecord> Entries(int count, string country = "BE", string list = "stolen") =>
        Enumerable.Range(0, count).Select(i => Entry($"e{i}", $"AB{i:D4}", country, list)).ToArray();

    public static HotlistBatch Build(HotlistSigningKey key, long version, int count = 5, string country = "BE",
        string list = "stolen", HotlistPushMode mode = HotlistPushMode.Full, TimeProvider? time = null) =>
        new HotlistPublisher(time ?? Clock()).Prepare(new HotlistPushRequest
        {
            Country = country,
            List = list,
            Mode = mode,
            Version = version,
            Entries = Entries(count, country, list),
        }, key);

    public static HotlistTrustStore Trusting(string country, params HotlistSigningKey[] keys)
    {
        var store = new HotlistTrustStore();
        foreach (var key in keys)
        {
            store.Add(country, key.PublicKey());
        }
        return store;
    }
}
