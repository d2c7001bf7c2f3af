namespace AnprExchange.Contracts.Records;

/// <summary>An operator's acknowledgement of an alert (schemas/AlertAcknowledgement.avsc).</summary>
public sealed record AlertAcknowledgement
{
    public required string AlertId { get; init; }
    public required string ControlRoom { get; init; }
    public required string Operator { get; init; }
    public required AlertOutcome Outcome { get; init; }
    public required DateTimeOffset AcknowledgedAt { get; init; }
    public string? Remarks { get; init; }
}
