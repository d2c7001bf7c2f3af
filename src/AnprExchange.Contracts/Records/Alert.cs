namespace AnprExchange.Contracts.Records;

/// <summary>A read that hit one or more hotlist entries (schemas/Alert.avsc), keyed by control room.</summary>
public sealed record Alert
{
    /// <summary>Deterministic from the read id, so a redelivered read yields the same alert id.</summary>
    public required string AlertId { get; init; }
    public required string ReadId { get; init; }
    public required string CameraId { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    /// <summary>Normalised plate.</summary>
    public required string Plate { get; init; }
    public string? Country { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public string? Direction { get; init; }
    /// <summary>Matches ordered by priority, highest (0) first.</summary>
    public required IReadOnlyList<AlertMatch> Matches { get; init; }
    /// <summary>When the matcher raised the alert.</summary>
    public required DateTimeOffset RaisedAt { get; init; }
    /// <summary>When the edge agent accepted the read, carried through for latency.</summary>
    public DateTimeOffset? IngestedAt { get; init; }
    /// <summary>The control room this alert is routed to; empty when routing is not configured.</summary>
    public string ControlRoom { get; init; } = "";
}
