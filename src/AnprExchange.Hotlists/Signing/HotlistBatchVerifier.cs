using System.Security.Cryptography;
using AnprExchange.Contracts.Records;

namespace AnprExchange.Hotlists.Signing;

/// <summary>
/// Decides whether a complete batch may be applied. Checks, in this order: entry count, signature present,
/// signer trusted for the manifest's country, signature, version above the one in force, entries of this
/// country and list, digest. Authenticity comes before staleness so an unsigned replay is reported as such.
/// </summary>
public sealed class HotlistBatchVerifier(HotlistTrustStore trustStore)
{
    /// <param name="entries">The batch's entries ordered by sequence.</param>
    /// <param name="currentVersion">The version in force for (country, list), or null when there is none yet.</param>
    public HotlistVerification Verify(HotlistBatchManifest manifest, IReadOnlyList<HotlistEntryRecord> entries, long? currentVersion)
    {
        if (entries.Count != manifest.EntryCount)
        {
            return new(HotlistVerdict.EntryCountMismatch, $"manifest announces {manifest.EntryCount} entries, {entries.Count} received");
        }
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Sequence != i)
            {
                return new(HotlistVerdict.EntryCountMismatch, $"entry at position {i} has sequence {entries[i].Sequence}");
            }
        }
        var authentic = VerifyManifest(manifest, currentVersion);
        if (!authentic.IsAccepted)
        {
            return authentic;
        }
        foreach (var entry in entries)
        {
            if (entry.SourceCountry != manifest.Country || entry.List != manifest.List || entry.BatchId != manifest.BatchId)
            {
                return new(HotlistVerdict.DigestMismatch,
                    $"entry sequence {entry.Sequence} belongs to {entry.SourceCountry}/{entry.List}, not {manifest.Country}/{manifest.List}");
            }
        }
        var digest = HotlistBatchDigest.Compute(entries);
        if (!CryptographicOperations.FixedTimeEquals(digest, manifest.EntriesSha256))
        {
            return new(HotlistVerdict.DigestMismatch, "the entries received are not the ones signed (SHA-256 differs)");
        }
        return HotlistVerification.Accepted;
    }

    /// <summary>
    /// The checks that need no entries: signature present, signer trusted for the country, signature valid, version
    /// above <paramref name="currentVersion"/>. Lets a consumer turn away a forged or replayed manifest on arrival.
    /// </summary>
    public HotlistVerification VerifyManifest(HotlistBatchManifest manifest, long? currentVersion)
    {
        if (manifest.Signature is not { Length: > 0 } || string.IsNullOrEmpty(manifest.SignerKeyId))
        {
            return new(HotlistVerdict.MissingSignature, "manifest is not signed");
        }
        if (!trustStore.TryGet(manifest.Country, manifest.SignerKeyId, out var key))
        {
            return new(HotlistVerdict.UnknownKey, $"key '{manifest.SignerKeyId}' is not trusted for {manifest.Country}");
        }
        if (!key.Verify(HotlistCanonicalForm.Manifest(manifest), manifest.Signature))
        {
            return new(HotlistVerdict.BadSignature, $"signature does not verify with key '{manifest.SignerKeyId}'");
        }
        if (currentVersion is { } current && manifest.Version <= current)
        {
            return new(HotlistVerdict.StaleVersion, $"version {manifest.Version} is not above the current version {current}");
        }
        return HotlistVerification.Accepted;
    }
}
