using AnprExchange.Contracts.Records;
using AnprExchange.Core.Index;

namespace AnprExchange.Matcher.Matching;

/// <summary>
/// Turns the index's matches for one read into an <see cref="Alert"/> (cold path: only reads that hit get here).
/// The alert id is derived from the read id, so a redelivered read yields the same alert and control rooms
/// de-duplicate it; matches are ordered by priority (0 first), then source country, list and entry id.
/// </summary>
public static class AlertBuilder
{
    public static string AlertIdFor(string readId) => "alert-" + readId;

    public static Alert Build(PlateRead read, string normalizedPlate, HotlistIndexView view, ReadOnlySpan<HotlistMatch> matches, DateTimeOffset raisedAt, string controlRoom = "")
    {
        ArgumentNullException.ThrowIfNull(read);
        var list = new List<AlertMatch>(matches.Length);
        foreach (ref readonly var match in matches)
        {
            var hotlist = view.GetHotlist(match);
            list.Add(new AlertMatch
            {
                EntryId = view.GetEntryId(match),
                SourceCountry = hotlist.SourceCountry,
                List = hotlist.List,
                Category = match.Category,
                Action = match.Action,
                Priority = match.Priority,
                MatchKind = match.Kind,
                Reference = view.GetReference(match),
                Covert = match.Covert,
            });
        }
        list.Sort(static (a, b) =>
        {
            var c = a.Priority.CompareTo(b.Priority);
            c = c != 0 ? c : string.CompareOrdinal(a.SourceCountry, b.SourceCountry);
            c = c != 0 ? c : string.CompareOrdinal(a.List, b.List);
            return c != 0 ? c : string.CompareOrdinal(a.EntryId, b.EntryId);
        });
        return new Alert
        {
            AlertId = AlertIdFor(read.ReadId),
            ReadId = read.ReadId,
            CameraId = read.CameraId,
            Timestamp = read.Timestamp,
            Plate = normalizedPlate,
            Country = read.Country,
            Lat = read.Lat,
            Lon = read.Lon,
            Direction = read.Direction,
            Matches = list,
            RaisedAt = raisedAt,
            IngestedAt = read.IngestedAt,
            ControlRoom = controlRoom,
        };
    }
}
