using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;
using AnprExchange.Hotlists.Publishing;
using AnprExchange.Hotlists.Signing;

namespace AnprExchange.IntegrationTests.Hotlists;

/// <summary>The NL "stolen" list the hotlist integration tests push: entries and signed batches.</summary>
internal static class StolenNl
{
    public static HotlistBatch Prepare(HotlistSigningKey key, long version, HotlistPushMode mode, params HotlistEntryRecord[] entries) =>
        new HotlistPublisher(TimeProvider.System).Prepare(new HotlistPushRequest { Country = "NL", List = "stolen", Mode = mode, Version = version, Entries = entries }, key);

    public static HotlistEntryRecord Upsert(string id, string plate) => new()
    {
        BatchId = "",
        Sequence = 0,
        Operation = HotlistEntryOperation.Upsert,
        SourceCountry = "NL",
        List = "stolen",
        EntryId = id,
        Plate = plate,
        Category = HotlistCategory.StolenVehicle,
        Action = HotlistAction.Stop,
        Priority = 10,
    };

    public static HotlistEntryRecord Delete(string id) => Upsert(id, "") with { Operation = HotlistEntryOperation.Delete };
}
