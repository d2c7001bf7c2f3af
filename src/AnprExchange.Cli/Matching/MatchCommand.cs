using System.Buffers;
using System.Text;
using System.Text.Json;
using AnprExchange.Contracts.Json;
using AnprExchange.Contracts.Records;
using AnprExchange.Core.Index;
using AnprExchange.Core.Plates;
using AnprExchange.Hotlists.Csv;
using AnprExchange.Matcher.Indexing;
using AnprExchange.Matcher.Matching;

namespace AnprExchange.Cli.Matching;

/// <summary>
/// `anpr match`: offline matching of a reads file against hotlist CSV files with the matcher's index, no Kafka.
/// Exit codes: 0 done (malformed read lines are reported on stderr and skipped), 1 a hotlist has invalid rows
/// (every one reported, nothing matched), 2 an input or output file can't be used.
/// </summary>
public sealed class MatchCommand(TextWriter errors, TimeProvider time)
{
    public const int Ok = 0;
    public const int InvalidHotlist = 1;
    public const int UnusableFile = 2;

    public sealed record Options(IReadOnlyList<string> Hotlists, string Reads, string Out, int? OcrTolerance = null);

    /// <summary>Runs; "-" for reads and out means <paramref name="stdin"/> and <paramref name="stdout"/>.</summary>
    public async Task<int> RunAsync(Options options, Stream stdin, Stream stdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var index = await LoadHotlistsAsync(options, cancellationToken);
        if (index.Code != Ok)
        {
            return index.Code;
        }

        Stream input, output;
        try
        {
            input = options.Reads == "-" ? stdin : new FileStream(options.Reads, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await errors.WriteLineAsync($"error: cannot read {options.Reads}: {e.Message}");
            return UnusableFile;
        }
        await using var ownedInput = options.Reads == "-" ? null : input;
        try
        {
            output = options.Out == "-" ? stdout : new FileStream(options.Out, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await errors.WriteLineAsync($"error: cannot write {options.Out}: {e.Message}");
            return UnusableFile;
        }
        await using var ownedOutput = options.Out == "-" ? null : output;

        var summary = await MatchReadsAsync(index.Index!, input, output, cancellationToken);
        await errors.WriteLineAsync(
            $"{summary.Reads} reads matched against {index.Index!.Count} entries: {summary.Alerts} alerts, {summary.Malformed} malformed lines skipped");
        return Ok;
    }

    private async Task<(int Code, HotlistIndex? Index)> LoadHotlistsAsync(Options options, CancellationToken cancellationToken)
    {
        var index = new HotlistIndex(shardBits: 8);
        var invalid = false;
        foreach (var argument in options.Hotlists)
        {
            if (!HotlistSource.TryParse(argument, out var source, out var error))
            {
                await errors.WriteLineAsync("error: " + error);
                return (UnusableFile, null);
            }
            HotlistCsvResult result;
            try
            {
                using var reader = new StreamReader(source!.Path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                result = HotlistCsvReader.Read(reader, source.SourceCountry, source.List, new HotlistCsvReadOptions { Mode = HotlistPushMode.Full });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await errors.WriteLineAsync($"error: cannot read hotlist {source!.Path}: {e.Message}");
                return (UnusableFile, null);
            }
            foreach (var rowError in result.Errors)
            {
                await errors.WriteLineAsync($"{source.Path}: {rowError}");
            }
            if (!result.IsValid)
            {
                invalid = true;
                continue;
            }
            var hotlist = new Core.Hotlists.HotlistId(source.SourceCountry, source.List);
            index.ReplaceList(hotlist, result.Entries.Select(e => e.ToIndexEntry()));
            if (options.OcrTolerance is { } tolerance)
            {
                index.SetOcrTolerance(hotlist, tolerance);
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
        if (invalid)
        {
            await errors.WriteLineAsync("error: invalid hotlist rows (above); nothing was matched");
            return (InvalidHotlist, null);
        }
        return (Ok, index);
    }

    private readonly record struct Summary(long Reads, long Alerts, long Malformed);

    private async Task<Summary> MatchReadsAsync(HotlistIndex index, Stream input, Stream output, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var buffer = new ArrayBufferWriter<byte>(4096);
        await using var json = new Utf8JsonWriter(buffer);
        var matches = new HotlistMatch[64];
        long lineNumber = 0, reads = 0, alerts = 0, malformed = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (!PlateReadJson.TryParse(Encoding.UTF8.GetBytes(line), out var read, out var error))
            {
                malformed++;
                await errors.WriteLineAsync($"reads line {lineNumber}: {error}");
                continue;
            }
            var status = PlateQuery.TryCreate(read.Plate.AsSpan(), read.Timestamp, out var query);
            if (status != PlateStatus.Valid)
            {
                malformed++;
                await errors.WriteLineAsync($"reads line {lineNumber}: {status.Describe()}");
                continue;
            }
            reads++;
            if (read.ReadId.Length == 0)
            {
                read = read with { ReadId = $"line-{lineNumber}" };
            }
            var view = index.Acquire();
            var count = view.Lookup(query, matches);
            if (count > matches.Length)
            {
                matches = new HotlistMatch[count];
                count = view.Lookup(query, matches);
            }
            if (count == 0)
            {
                continue;
            }
            var alert = AlertBuilder.Build(read, query.PlateText, view, matches.AsSpan(0, count), time.GetUtcNow());
            AlertJson.Write(json, alert);
            await json.FlushAsync(cancellationToken);
            json.Reset();
            buffer.Write("\n"u8);
            await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
            buffer.ResetWrittenCount();
            alerts++;
        }
        await output.FlushAsync(cancellationToken);
        return new Summary(reads, alerts, malformed);
    }
}
