using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Matcher.Indexing;

/// <summary>From the contract's entry record (CSV, Kafka) to the index's entry and changes.</summary>
public static class HotlistEntryMapping
{
    public static HotlistEntry ToIndexEntry(this HotlistEntryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new HotlistEntry
        {
            SourceCountry = record.SourceCountry,
            List = record.List,
            EntryId = record.EntryId,
            Plate = record.Plate,
            PlateCountry = record.PlateCountry,
            Category = record.Category,
            Action = record.Action,
            Priority = record.Priority,
            ValidFrom = record.ValidFrom,
            ValidUntil = record.ValidUntil,
            Covert = record.Covert,
            Reference = record.Reference,
            Remarks = record.Remarks,
        };
    }

    public static HotlistChange ToIndexChange(this HotlistEntryRecord record) =>
        record.Operation == HotlistEntryOperation.Delete
            ? HotlistChange.Delete(record.SourceCountry, record.List, record.EntryId)
            : HotlistChange.Upsert(record.ToIndexEntry());
}
