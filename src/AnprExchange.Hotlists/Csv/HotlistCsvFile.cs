using System.Text;

namespace AnprExchange.Hotlists.Csv;

/// <summary>
/// Reads a hotlist CSV file from disk as UTF-8 (a BOM is skipped). Invalid bytes decode to U+FFFD, which the reader
/// reports as an error at the exact line and column of the field that holds it.
/// </summary>
public static class HotlistCsvFile
{
    public static HotlistCsvResult Read(string path, string sourceCountry, string list, HotlistCsvReadOptions options)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true,
            new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
        return HotlistCsvReader.Read(reader, sourceCountry, list, options);
    }
}
