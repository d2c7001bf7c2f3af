using AnprExchange.Contracts.Records;

namespace AnprExchange.Hotlists.Publishing;

/// <summary>
/// What to push: validated entries (from <see cref="Csv.HotlistCsvReader"/>) for one (country, list).
/// <see cref="Version"/> must be above the version in force; <see cref="HotlistVersions.FromClock"/> gives one
/// without reading the topic.
/// </summary>
public sealed record HotlistPushRequest
{
    public required string Country { get; init; }
    public required string List { get; init; }
    public required HotlistPushMode Mode { get; init; }
    public required long Version { get; init; }
    public required IReadOnlyList<HotlistEntryRecord> Entries { get; init; }
    /// <summary>Tolerated OCR substitutions for the list, 0–2.</summary>
    public int OcrTolerance { get; init; } = 1;
}
