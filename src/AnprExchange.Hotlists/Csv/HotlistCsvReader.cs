using System.Globalization;
using System.Text;
using AnprExchange.Contracts.Records;
using CsvHelper;
using CsvHelper.Configuration;

namespace AnprExchange.Hotlists.Csv;

/// <summary>
/// Reads and validates a hotlist CSV file (design.md "Hotlist CSV"): UTF-8 (a BOM is fine), a header row,
/// comma-separated, RFC 4180 quoting, known columns in any order. Every row is checked, none is skipped after an
/// error, and each problem is reported with the physical line where its row starts (1 = header) and the column.
/// Unknown columns are errors, not warnings (see <see cref="HotlistCsvHeader"/>). Delta deletes use the optional
/// <c>op</c> column (<see cref="HotlistCsvColumns"/>).
/// </summary>
public static partial class HotlistCsvReader
{
    public const int MaxEntryIdLength = 128;
    public const int MaxTextLength = 1024;

    public static HotlistCsvResult Read(TextReader reader, string sourceCountry, string list) =>
        Read(reader, sourceCountry, list, new HotlistCsvReadOptions());

    public static HotlistCsvResult Read(TextReader reader, string sourceCountry, string list, HotlistCsvReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        HotlistNames.ThrowIfInvalid(sourceCountry, list);

        var errors = new List<HotlistCsvError>();
        var entries = new List<HotlistEntryRecord>();
        var badQuoting = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ",",
            Mode = CsvMode.RFC4180,
            IgnoreBlankLines = true,
            BadDataFound = _ => badQuoting = true,
        };
        using var parser = new CsvParser(reader, config, leaveOpen: true);

        if (!ReadRecord(parser, 0, errors))
        {
            if (errors.Count == 0)
            {
                errors.Add(new HotlistCsvError(1, "", "the file is empty: a header row is required"));
            }
            return new HotlistCsvResult { Entries = entries, Errors = errors, HasDeletes = false, RowCount = 0 };
        }
        var line = StartLine(parser); // 1 unless blank lines come before the header
        var header = HotlistCsvHeader.Parse(parser.Record ?? [], line, errors);
        if (badQuoting)
        {
            errors.Add(new HotlistCsvError(line, "", QuotingMessage));
            badQuoting = false;
        }

        var row = new RowValidator(header, sourceCountry, list, options.Mode, errors);
        var rowCount = 0;
        while (ReadRecord(parser, line, errors))
        {
            line = StartLine(parser);
            var fields = parser.Record ?? []; // CsvHelper processes fields (and reports bad data) lazily, here
            if (badQuoting)
            {
                errors.Add(new HotlistCsvError(line, "", QuotingMessage));
                badQuoting = false;
            }
            var entry = row.Validate(fields, line, rowCount);
            if (entry is not null)
            {
                entries.Add(entry);
            }
            rowCount++;
            if (options.Progress is { } progress && rowCount % Math.Max(1, options.ProgressInterval) == 0)
            {
                progress(rowCount);
            }
        }
        return new HotlistCsvResult { Entries = entries, Errors = errors, HasDeletes = row.HasDeletes, RowCount = rowCount };
    }

    /// <summary>
    /// Reads the next record. A reader with a strict decoder throws on invalid bytes, which ends the file with an error
    /// (the line is approximate: decoding runs ahead of parsing). <see cref="HotlistCsvFile"/> decodes leniently instead
    /// and each field holding U+FFFD is reported at its exact line and column.
    /// </summary>
    private static bool ReadRecord(CsvParser parser, int previousLine, List<HotlistCsvError> errors)
    {
        try
        {
            return parser.Read();
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new HotlistCsvError(previousLine + 1, "",
                "the file is not valid UTF-8 at or after this line; nothing after it was read"));
            return false;
        }
    }

    private const string QuotingMessage =
        "malformed quoting: a quote in an unquoted field or text after a closing quote (RFC 4180: quote the whole field and double inner quotes)";

    /// <summary>RawRow is the line where the record ends; step back over line breaks inside quoted fields.</summary>
    private static int StartLine(CsvParser parser)
    {
        var raw = parser.RawRecord.AsSpan().TrimEnd("\r\n");
        var breaks = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')))
            {
                breaks++;
            }
        }
        return parser.RawRow - breaks;
    }
}
