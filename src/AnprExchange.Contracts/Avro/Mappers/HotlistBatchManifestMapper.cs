using AnprExchange.Contracts.Records;

namespace AnprExchange.Contracts.Avro.Mappers;

/// <summary><see cref="HotlistBatchManifest"/> ↔ schemas/HotlistBatchManifest.avsc, fields in schema order.</summary>
internal sealed class HotlistBatchManifestMapper : IAvroRecordMapper<HotlistBatchManifest>
{
    public string RecordName => "HotlistBatchManifest";

    public void Write(AvroWriter writer, HotlistBatchManifest value)
    {
        writer.WriteString("batchId", value.BatchId);
        writer.WriteString("country", value.Country);
        writer.WriteString("list", value.List);
        writer.WriteLong(value.Version);
        writer.WriteEnum("mode", (int)value.Mode, EnumSymbols<HotlistPushMode>.Count);
        writer.WriteInt(value.EntryCount);
        writer.WriteBytes("entriesSha256", value.EntriesSha256);
        writer.WriteString("signerKeyId", value.SignerKeyId);
        writer.WriteBytes("signature", value.Signature);
        writer.WriteTimestamp(value.CreatedAt);
        writer.WriteInt(value.OcrTolerance);
    }

    public HotlistBatchManifest Read(ref AvroReader reader) => new()
    {
        BatchId = reader.ReadString("batchId"),
        Country = reader.ReadString("country"),
        List = reader.ReadString("list"),
        Version = reader.ReadLong("version"),
        Mode = (HotlistPushMode)reader.ReadEnum("mode", EnumSymbols<HotlistPushMode>.Count),
        EntryCount = reader.ReadInt("entryCount"),
        EntriesSha256 = reader.ReadBytes("entriesSha256"),
        SignerKeyId = reader.ReadString("signerKeyId"),
        Signature = reader.ReadBytes("signature"),
        CreatedAt = reader.ReadTimestamp("createdAt"),
        OcrTolerance = reader.ReadInt("ocrTolerance"),
    };
}
