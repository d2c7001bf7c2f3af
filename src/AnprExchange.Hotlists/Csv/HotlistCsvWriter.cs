using System.Globalization;
using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;
using CsvHelper;
using CsvHelper.Configuration;

namespace AnprExchange.Hotlists.Csv;

/// <summary>
/// Writes entries in the hotlist CSV format that <see cref="HotlistCsvReader"/> reads (for `anpr hotlist export`):
/// every column in <see cref="HotlistCsvColumns.All"/> order, RFC 4180 quoting, dates as UTC ISO 8601
/// (2026-12-04T10:15:00.5Z). The op column is written only when there are deletes.
/// </summary>
public static class HotlistCsvWriter
{
    public static void Write(TextWriter writer, IReadOnlyCollection<HotlistEntryRecord> entries)
    {
        var withOp = entries.Any(e => e.Operation == HotlistEntryOperation.Delete);
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        foreach (var column in HotlistCsvColumns.All)
        {
            if (withOp || column != HotlistCsvColumns.Op)
            {
                csv.WriteField(column);
            }
        }
        csv.NextRecord();
        foreach (var entry in entries)
        {
            var delete = entry.Operation == HotlistEntryOperation.Delete;
            if (withOp)
            {
                csv.WriteField(delete ? "delete" : "upsert");
            }
            csv.WriteField(entry.EntryId);
            if (delete)
            {
                for (var i = 0; i < 10; i++)
                {
                    csv.WriteField("");
                }
            }
            else
            {
                csv.WriteField(entry.Plate);
                csv.WriteField(entry.PlateCountry ?? "");
                csv.WriteField(entry.Category.ToWire());
                csv.WriteField(entry.Action.ToWire());
                csv.WriteField(entry.Priority.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(Date(entry.ValidFrom));
                csv.WriteField(Date(entry.ValidUntil));
                csv.WriteField(entry.Covert ? "true" : "false");
                csv.WriteField(entry.Reference ?? "");
                csv.WriteField(entry.Remarks ?? "");
            }
            csv.NextRecord();
        }
    }

    private static string Date(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) : "";
}
