namespace AnprExchange.Contracts.Records;

/// <summary>One camera read of a plate (schemas/PlateRead.avsc). Stays in the country that made it.</summary>
public sealed record PlateRead
{
    public required string ReadId { get; init; }
    public required string CameraId { get; init; }
    /// <summary>When the camera saw the vehicle; judged against hotlist validity windows.</summary>
    public required DateTimeOffset Timestamp { get; init; }
    /// <summary>The plate as the camera read it (not normalised).</summary>
    public required string Plate { get; init; }
    /// <summary>Issuing country of the plate as the camera guessed it, ISO 3166 alpha-2.</summary>
    public string? Country { get; init; }
    public double? Confidence { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public string? Direction { get; init; }
    /// <summary>When the edge agent accepted the read; used for read-to-alert latency.</summary>
    public DateTimeOffset? IngestedAt { get; init; }
}
