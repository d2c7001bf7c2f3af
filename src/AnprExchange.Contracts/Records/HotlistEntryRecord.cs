using AnprExchange.Core.Hotlists;

namespace AnprExchange.Contracts.Records;

/// <summary>
/// One hotlist entry as published to anpr.hotlist.&lt;cc&gt; (schemas/HotlistEntry.avsc), keyed by entry id.
/// It takes effect only when the manifest of its batch arrives and verifies.
/// </summary>
public sealed record HotlistEntryRecord
{
    public required string BatchId { get; init; }
    /// <summary>Position of this entry in its batch, 0-based; the manifest digest covers entries in this order.</summary>
    public required int Sequence { get; init; }
    public required HotlistEntryOperation Operation { get; init; }
    public required string SourceCountry { get; init; }
    public required string List { get; init; }
    public required string EntryId { get; init; }
    /// <summary>Normalised plate, or a pattern with ? and * wildcards. Empty for deletes.</summary>
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
}
