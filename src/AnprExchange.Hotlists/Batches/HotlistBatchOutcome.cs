using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Signing;

namespace AnprExchange.Hotlists.Batches;

/// <summary>What became of a batch. <see cref="Manifest"/> is null only for a batch abandoned before its manifest came.</summary>
public sealed record HotlistBatchOutcome
{
    public required HotlistBatchOutcomeKind Kind { get; init; }
    public required string BatchId { get; init; }
    public HotlistBatchManifest? Manifest { get; init; }
    /// <summary>The entries in sequence order for <see cref="HotlistBatchOutcomeKind.Committed"/>; empty otherwise.</summary>
    public IReadOnlyList<HotlistEntryRecord> Entries { get; init; } = [];
    public required HotlistVerification Verification { get; init; }
    /// <summary>Country and list, from the manifest or else from the first entry seen.</summary>
    public required string Country { get; init; }
    public required string List { get; init; }

    public override string ToString() =>
        $"{Kind} batch {BatchId} ({Country}/{List} v{Manifest?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}): {Verification.Reason}";
}
