namespace AnprExchange.Core.Hotlists;

/// <summary>
/// One hotlist entry as the index takes it in and gives it back (cold path: CSV import, replication, export).
/// <see cref="Plate"/> is a plate ("1-ABC-123" or "1ABC123") or a pattern with <c>?</c> (one character) and
/// <c>*</c> (any run); the index normalises it. The entry is valid from <see cref="ValidFrom"/> (inclusive) until
/// <see cref="ValidUntil"/> (exclusive), judged by the read's timestamp; null means open.
/// </summary>
public sealed record HotlistEntry
{
    public required string SourceCountry { get; init; }
    public required string List { get; init; }
    public required string EntryId { get; init; }
    public required string Plate { get; init; }
    public string? PlateCountry { get; init; }
    public HotlistCategory Category { get; init; }
    public HotlistAction Action { get; init; }

    /// <summary>0 highest … 100 lowest.</summary>
    public int Priority { get; init; } = 50;
    public DateTimeOffset? ValidFrom { get; init; }
    public DateTimeOffset? ValidUntil { get; init; }
    public bool Covert { get; init; }
    public string? Reference { get; init; }
    public string? Remarks { get; init; }

    public HotlistId Hotlist => new(SourceCountry, List);
}
