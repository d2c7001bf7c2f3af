namespace AnprExchange.Contracts.Records;

/// <summary>
/// Commits a batch of hotlist entries (schemas/HotlistBatchManifest.avsc). Published after the batch's
/// entries; a matcher applies the batch only when this manifest verifies, so a push is atomic on any broker.
/// </summary>
public sealed record HotlistBatchManifest
{
    public required string BatchId { get; init; }
    public required string Country { get; init; }
    public required string List { get; init; }
    /// <summary>Monotonic per (country, list); a version not above the current one is rejected.</summary>
    public required long Version { get; init; }
    public required HotlistPushMode Mode { get; init; }
    public required int EntryCount { get; init; }
    /// <summary>SHA-256 over the batch's entries in sequence order.</summary>
    public required byte[] EntriesSha256 { get; init; }
    public required string SignerKeyId { get; init; }
    /// <summary>ECDSA P-256 signature over the manifest's other fields.</summary>
    public required byte[] Signature { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Tolerated OCR substitutions for this list, 0–2.</summary>
    public int OcrTolerance { get; init; } = 1;
}
