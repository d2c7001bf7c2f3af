using AnprExchange.Contracts.Records;

namespace AnprExchange.ControlRoom.Alerts;

/// <summary>An alert waiting for an operator: the alert that raised the alarm plus later sightings of the same plate and entry.</summary>
public sealed record OpenAlert
{
    public required Alert Alert { get; init; }

    /// <summary>1 for the read that raised the alarm, +1 for each throttled sighting.</summary>
    public int Sightings { get; init; } = 1;

    public required Sighting LastSighting { get; init; }

    /// <summary>When this control room received the alert (injected clock).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When the alert last changed (received or sighted); the open list is ordered by this, newest first.</summary>
    public required DateTimeOffset LastActivityAt { get; init; }

    public string AlertId => Alert.AlertId;

    public static OpenAlert Raise(Alert alert, DateTimeOffset receivedAt) => new()
    {
        Alert = alert,
        LastSighting = SightingOf(alert),
        ReceivedAt = receivedAt,
        LastActivityAt = receivedAt,
    };

    /// <summary>This alert with one more sighting; the last position only moves forward in read time.</summary>
    public OpenAlert WithSighting(Alert sighting, DateTimeOffset at) => this with
    {
        Sightings = Sightings + 1,
        LastSighting = sighting.Timestamp >= LastSighting.Timestamp ? SightingOf(sighting) : LastSighting,
        LastActivityAt = at,
    };

    private static Sighting SightingOf(Alert alert) =>
        new(alert.ReadId, alert.CameraId, alert.Timestamp, alert.Lat, alert.Lon, alert.Direction);
}
