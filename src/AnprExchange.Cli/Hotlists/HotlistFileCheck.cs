using System.Diagnostics;
using System.Text;
using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Csv;

namespace AnprExchange.Cli.Hotlists;

/// <summary>
/// Reads and validates a hotlist file for a verb, printing progress and every error ("file: line N, column C: …")
/// to the error writer. Shared by validate and push: push publishes only when <see cref="HotlistCsvResult.IsValid"/>.
/// </summary>
internal static class HotlistFileCheck
{
    public static HotlistCsvResult Run(FileInfo file, string country, string list, HotlistPushMode mode, TextWriter error, out TimeSpan elapsed)
    {
        var stopwatch = Stopwatch.StartNew();
        using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var progress = new HotlistProgress(error, HotlistProgress.IsInteractive(error), stream, $"{country}/{list}");
        var result = HotlistCsvReader.Read(reader, country, list,
            new HotlistCsvReadOptions { Mode = mode, Progress = progress.Report, ProgressInterval = progress.Interval });
        progress.Finish();
        elapsed = stopwatch.Elapsed;
        foreach (var problem in result.Errors)
        {
            error.WriteLine($"{file.Name}: {problem}");
        }
        return result;
    }
}
