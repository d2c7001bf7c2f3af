using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Signing;

namespace AnprExchange.Hotlists.Publishing;

/// <summary>
/// Turns validated entries into a signed batch and sends it: every entry (keyed by list and entry id), a flush,
/// then the manifest. A push that dies before the manifest leaves nothing applied (see HotlistBatchAssembler).
/// </summary>
public sealed class HotlistPublisher(TimeProvider time)
{
    public HotlistBatch Prepare(HotlistPushRequest request, HotlistSigningKey key)
    {
        HotlistNames.ThrowIfInvalid(request.Country, request.List);
        if (request.OcrTolerance is < 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.OcrTolerance, "OCR tolerance is 0 to 2.");
        }
        var createdAt = time.GetUtcNow();
        var batchId = $"{request.Country}.{request.List}.{request.Version}.{Guid.CreateVersion7(createdAt):N}";
        var entries = new HotlistEntryRecord[request.Entries.Count];
        using var digest = new HotlistBatchDigest();
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = request.Entries[i];
            if (entry.SourceCountry != request.Country || entry.List != request.List)
            {
                throw new ArgumentException($"Entry '{entry.EntryId}' is for {entry.SourceCountry}/{entry.List}, not {request.Country}/{request.List}.", nameof(request));
            }
            if (request.Mode == HotlistPushMode.Full && entry.Operation == HotlistEntryOperation.Delete)
            {
                throw new ArgumentException($"Entry '{entry.EntryId}' is a delete; a full push replaces the list and has no deletes.", nameof(request));
            }
            entries[i] = entry with
            {
                BatchId = batchId,
                Sequence = i,
                // The wire keeps milliseconds; truncate here so what is signed is what is sent.
                ValidFrom = TruncateToMilliseconds(entry.ValidFrom),
                ValidUntil = TruncateToMilliseconds(entry.ValidUntil),
            };
            digest.Append(entries[i]);
        }
        var manifest = new HotlistBatchManifest
        {
            BatchId = batchId,
            Country = request.Country,
            List = request.List,
            Version = request.Version,
            Mode = request.Mode,
            EntryCount = entries.Length,
            EntriesSha256 = digest.Finish(),
            SignerKeyId = key.KeyId,
            Signature = [],
            CreatedAt = TruncateToMilliseconds(createdAt),
            OcrTolerance = request.OcrTolerance,
        };
        return new HotlistBatch(entries, HotlistManifestSigner.Sign(manifest, key));
    }

    public static async Task PublishAsync(HotlistBatch batch, IHotlistRecordSink sink, CancellationToken cancellationToken)
    {
        foreach (var entry in batch.Entries)
        {
            await sink.SendEntryAsync(HotlistRecordKeys.Entry(entry.List, entry.EntryId), entry, cancellationToken);
        }
        await sink.FlushAsync(cancellationToken);
        var manifest = batch.Manifest;
        await sink.SendManifestAsync(HotlistRecordKeys.Manifest(manifest.List), manifest, cancellationToken);
        await sink.FlushAsync(cancellationToken);
    }

    private static DateTimeOffset? TruncateToMilliseconds(DateTimeOffset? value) =>
        value is { } v ? TruncateToMilliseconds(v) : null;

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());
}
