namespace AnprExchange.EdgeAgent.Client;

/// <summary>One plate read as a camera sends it (the read JSON of the agent's TCP port).</summary>
public sealed record CameraRead
{
    /// <summary>Unique id of the read; the client assigns one when left null, so a resent read keeps its id.</summary>
    public string? ReadId { get; init; }
    public required string CameraId { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required string Plate { get; init; }
    public string? Country { get; init; }
    public double? Confidence { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public string? Direction { get; init; }
}
