using AnprExchange.Core.Hotlists;

namespace AnprExchange.Contracts.Records;

/// <summary>One hotlist entry a read matched; part of an <see cref="Alert"/>.</summary>
public sealed record AlertMatch
{
    public required string EntryId { get; init; }
    public required string SourceCountry { get; init; }
    public required string List { get; init; }
    public required HotlistCategory Category { get; init; }
    public required HotlistAction Action { get; init; }
    public required int Priority { get; init; }
    public required MatchKind MatchKind { get; init; }
    public string? Reference { get; init; }
    public bool Covert { get; init; }
}
