using System.Text;
using AnprExchange.Contracts.Records;

namespace AnprExchange.Matcher.Matching;

/// <summary>Builds the alert for a read that hit; the alert id is derived from the read id so redeliveries de-duplicate.</summary>
public static class AlertFactory
{
    public static string AlertIdFor(string readId) => "alert-" + readId;

    public static Alert Create(PlateRead read, ReadOnlySpan<byte> normalizedPlate, List<AlertMatch> matches, DateTimeOffset raisedAt, string controlRoom)
    {
        // Highest priority (0) first; entry id breaks ties so the order is stable across runs.
        matches.Sort(static (a, b) => a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : string.CompareOrdinal(a.EntryId, b.EntryId));
        return new Alert
        {
            AlertId = AlertIdFor(read.ReadId),
            ReadId = read.ReadId,
            CameraId = read.CameraId,
            Timestamp = read.Timestamp,
            Plate = Encoding.ASCII.GetString(normalizedPlate),
            Country = read.Country,
            Lat = read.Lat,
            Lon = read.Lon,
            Direction = read.Direction,
            Matches = matches.ToArray(),
            RaisedAt = raisedAt,
            IngestedAt = read.IngestedAt,
            ControlRoom = controlRoom,
        };
    }
}
