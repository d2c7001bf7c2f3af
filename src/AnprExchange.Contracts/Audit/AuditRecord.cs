namespace AnprExchange.Contracts.Audit;

/// <summary>
/// One line of the audit trail on anpr.audit.&lt;cc&gt; (JSON for now, see <see cref="AuditRecordJson"/>): who did what,
/// when and why. Plates never appear in clear: <see cref="PlatePseudonym"/> is a keyed HMAC (<see cref="PlatePseudonymizer"/>),
/// so the trail can link sightings of one plate without revealing it to whoever reads the topic.
/// </summary>
public sealed record AuditRecord
{
    /// <summary>Unique per record, so a consumer can de-duplicate redeliveries.</summary>
    public required string AuditId { get; init; }

    /// <summary>When it happened (injected clock).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who: "operator:&lt;name&gt;" for a person, "controlroom:&lt;room&gt;" or "service:&lt;name&gt;" for a process.</summary>
    public required string Actor { get; init; }

    /// <summary>What, one of <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    /// <summary>Why, in words (the hit, the outcome chosen, the list pushed).</summary>
    public required string Reason { get; init; }

    public required string Country { get; init; }

    public string? ControlRoom { get; init; }

    public string? AlertId { get; init; }

    public string? ReadId { get; init; }

    public string? CameraId { get; init; }

    /// <summary>Hex HMAC-SHA256 of the normalised plate under the audit key.</summary>
    public string? PlatePseudonym { get; init; }

    /// <summary>Hotlist entries involved, as "CC/list/entryId".</summary>
    public IReadOnlyList<string> Entries { get; init; } = [];

    /// <summary>For acknowledgements: intercepted, not_found, false_read, other.</summary>
    public string? Outcome { get; init; }
}
