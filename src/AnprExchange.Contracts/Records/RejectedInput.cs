namespace AnprExchange.Contracts.Records;

/// <summary>Input that could not be accepted, with the reason (schemas/RejectedInput.avsc), for anpr.rejected.&lt;cc&gt;.</summary>
public sealed record RejectedInput
{
    /// <summary>Where it came from, e.g. "agent/tcp", "agent/http/openalpr", "matcher".</summary>
    public required string Source { get; init; }
    public required string Reason { get; init; }
    /// <summary>The raw input, cut to a bounded size.</summary>
    public required byte[] Raw { get; init; }
    public required bool RawTruncated { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public string? CameraId { get; init; }
}
