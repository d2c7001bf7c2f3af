using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Contracts.Avro.Mappers;

/// <summary><see cref="HotlistEntryRecord"/> ↔ schemas/HotlistEntry.avsc, fields in schema order.</summary>
internal sealed class HotlistEntryMapper : IAvroRecordMapper<HotlistEntryRecord>
{
    public string RecordName => "HotlistEntry";

    public void Write(AvroWriter writer, HotlistEntryRecord value)
    {
        writer.WriteString("batchId", value.BatchId);
        writer.WriteInt(value.Sequence);
        writer.WriteEnum("operation", (int)value.Operation, EnumSymbols<HotlistEntryOperation>.Count);
        writer.WriteString("sourceCountry", value.SourceCountry);
        writer.WriteString("list", value.List);
        writer.WriteString("entryId", value.EntryId);
        writer.WriteString("plate", value.Plate);
        writer.WriteOptionalString("plateCountry", value.PlateCountry);
        writer.WriteEnum("category", (int)value.Category, EnumSymbols<HotlistCategory>.Count);
        writer.WriteEnum("action", (int)value.Action, EnumSymbols<HotlistAction>.Count);
        writer.WriteInt(value.Priority);
        writer.WriteOptionalTimestamp(value.ValidFrom);
        writer.WriteOptionalTimestamp(value.ValidUntil);
        writer.WriteBoolean(value.Covert);
        writer.WriteOptionalString("reference", value.Reference);
        writer.WriteOptionalString("remarks", value.Remarks);
    }

    public HotlistEntryRecord Read(ref AvroReader reader) => new()
    {
        BatchId = reader.ReadString("batchId"),
        Sequence = reader.ReadInt("sequence"),
        Operation = (HotlistEntryOperation)reader.ReadEnum("operation", EnumSymbols<HotlistEntryOperation>.Count),
        SourceCountry = reader.ReadString("sourceCountry"),
        List = reader.ReadString("list"),
        EntryId = reader.ReadString("entryId"),
        Plate = reader.ReadString("plate"),
        PlateCountry = reader.ReadOptionalString("plateCountry"),
        Category = (HotlistCategory)reader.ReadEnum("category", EnumSymbols<HotlistCategory>.Count),
        Action = (HotlistAction)reader.ReadEnum("action", EnumSymbols<HotlistAction>.Count),
        Priority = reader.ReadInt("priority"),
        ValidFrom = reader.ReadOptionalTimestamp("validFrom"),
        ValidUntil = reader.ReadOptionalTimestamp("validUntil"),
        Covert = reader.ReadBoolean("covert"),
        Reference = reader.ReadOptionalString("reference"),
        Remarks = reader.ReadOptionalString("remarks"),
    };
}
