using System.Buffers;
using AnprExchange.Contracts.Records;

namespace AnprExchange.Hotlists.Signing;

/// <summary>
/// Canonical bytes of an entry and of a manifest (see <see cref="CanonicalWriter"/> for the encoding rules).
/// Entry, version 1: batchId, sequence, operation, sourceCountry, list, entryId, plate, plateCountry?, category,
/// action, priority, validFrom?, validUntil?, covert, reference?, remarks? — the fields of HotlistEntry.avsc in order.
/// Manifest, version 1: the ASCII tag "anpr.hotlist.manifest.v1", then batchId, country, list, version (int64),
/// mode, entryCount, entriesSha256 (bytes), signerKeyId, createdAt, ocrTolerance — every field but the signature.
/// </summary>
public static class HotlistCanonicalForm
{
    private static ReadOnlySpan<byte> ManifestTag => "anpr.hotlist.manifest.v1"u8;

    public static void WriteEntry(HotlistEntryRecord entry, ArrayBufferWriter<byte> buffer)
    {
        var w = new CanonicalWriter(buffer);
        w.String(entry.BatchId);
        w.Int32(entry.Sequence);
        w.Byte((byte)entry.Operation);
        w.String(entry.SourceCountry);
        w.String(entry.List);
        w.String(entry.EntryId);
        w.String(entry.Plate);
        w.OptionalString(entry.PlateCountry);
        w.Byte((byte)entry.Category);
        w.Byte((byte)entry.Action);
        w.Int32(entry.Priority);
        w.OptionalTimestamp(entry.ValidFrom);
        w.OptionalTimestamp(entry.ValidUntil);
        w.Boolean(entry.Covert);
        w.OptionalString(entry.Reference);
        w.OptionalString(entry.Remarks);
    }

    public static byte[] Manifest(HotlistBatchManifest manifest)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write(ManifestTag);
        var w = new CanonicalWriter(buffer);
        w.String(manifest.BatchId);
        w.String(manifest.Country);
        w.String(manifest.List);
        w.Int64(manifest.Version);
        w.Byte((byte)manifest.Mode);
        w.Int32(manifest.EntryCount);
        w.Bytes(manifest.EntriesSha256);
        w.String(manifest.SignerKeyId);
        w.Timestamp(manifest.CreatedAt);
        w.Int32(manifest.OcrTolerance);
        return buffer.WrittenSpan.ToArray();
    }
}
