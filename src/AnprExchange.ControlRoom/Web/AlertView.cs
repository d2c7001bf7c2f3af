using AnprExchange.ControlRoom.Alerts;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.ControlRoom.Web;

/// <summary>
/// An open alert as the console page sees it (GET /api/alerts, the SSE feed). Operators may see the full plate here;
/// the wire words of the hotlist vocabulary are used for category, action and match kind.
/// </summary>
public sealed record AlertView(
    string AlertId,
    string ReadId,
    string CameraId,
    DateTimeOffset Timestamp,
    string Plate,
    string? Country,
    double? Lat,
    double? Lon,
    string? Direction,
    DateTimeOffset RaisedAt,
    DateTimeOffset ReceivedAt,
    DateTimeOffset LastActivityAt,
    int Priority,
    string Action,
    int Sightings,
    SightingView LastSighting,
    IReadOnlyList<MatchView> Matches)
{
    public static AlertView From(OpenAlert open)
    {
        var alert = open.Alert;
        var matches = alert.Matches.Select(m => new MatchView(
            m.EntryId, m.SourceCountry, m.List, m.Category.ToWire(), m.Action.ToWire(), m.Priority, m.MatchKind.ToWire(), m.Reference, m.Covert)).ToArray();
        var top = alert.Matches.Count > 0 ? alert.Matches.MinBy(m => m.Priority) : null;
        var last = open.LastSighting;
        return new AlertView(
            alert.AlertId, alert.ReadId, alert.CameraId, alert.Timestamp, alert.Plate, alert.Country, alert.Lat, alert.Lon, alert.Direction,
            alert.RaisedAt, open.ReceivedAt, open.LastActivityAt, top?.Priority ?? 100, top?.Action.ToWire() ?? "observe", open.Sightings,
            new SightingView(last.ReadId, last.CameraId, last.Timestamp, last.Lat, last.Lon, last.Direction), matches);
    }
}

public sealed record SightingView(string ReadId, string CameraId, DateTimeOffset Timestamp, double? Lat, double? Lon, string? Direction);

public sealed record MatchView(
    string EntryId, string SourceCountry, string List, string Category, string Action, int Priority, string MatchKind, string? Reference, bool Covert);
