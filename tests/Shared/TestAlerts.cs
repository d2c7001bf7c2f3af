using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Testing;

/// <summary>Alerts and matches for tests, with sensible defaults.</summary>
public static class TestAlerts
{
    public static readonly DateTimeOffset Start = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    public static AlertMatch Match(string entryId = "e-1", bool covert = false, int priority = 10, string list = "stolen", string country = "NL") => new()
    {
        EntryId = entryId,
        SourceCountry = country,
        List = list,
        Category = HotlistCategory.StolenVehicle,
        Action = HotlistAction.Stop,
        Priority = priority,
        MatchKind = MatchKind.Exact,
        Reference = "NL-REF-" + entryId,
        Covert = covert,
    };

    public static Alert Alert(
        string alertId = "a-1",
        string plate = "1ABC123",
        string camera = "cam-17",
        DateTimeOffset? at = null,
        string room = "cr-antwerp",
        params AlertMatch[] matches) => new()
        {
            AlertId = alertId,
            ReadId = "r-" + alertId,
            CameraId = camera,
            Timestamp = at ?? Start,
            Plate = plate,
            Country = "BE",
            Lat = 51.2,
            Lon = 4.4,
            Direction = "in",
            Matches = matches.Length == 0 ? [Match()] : matches,
            RaisedAt = at ?? Start,
            ControlRoom = room,
        };
}
