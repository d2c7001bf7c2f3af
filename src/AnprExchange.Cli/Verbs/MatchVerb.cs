using System.CommandLine;
using AnprExchange.Cli.Matching;

namespace AnprExchange.Cli.Verbs;

/// <summary>`anpr match`: offline matching of a reads file against hotlist CSV files (see <see cref="MatchCommand"/>).</summary>
public static class MatchVerb
{
    public static Command Create()
    {
        var hotlists = new Option<string[]>("--hotlist")
        {
            Description = "<CC>=<file.csv>: a hotlist of country CC, named after the file; repeat for more lists.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var reads = new Option<string>("--reads") { Description = "Reads, one JSON object per line; - for stdin.", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write alerts, one JSON object per line; - for stdout.", Required = true };
        var tolerance = new Option<int?>("--ocr-tolerance") { Description = "OCR substitutions tolerated for every list, 0-2 (default 1)." };
        tolerance.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } t && t is < 0 or > 2)
            {
                r.AddError("--ocr-tolerance must be 0, 1 or 2");
            }
        });
        var command = new Command("match", "Match a reads file against hotlist CSV files offline, with the matcher's index, no Kafka.")
        {
            hotlists, reads, output, tolerance,
        };
        command.SetAction(async (result, ct) =>
        {
            var options = new MatchCommand.Options(result.GetValue(hotlists)!, result.GetValue(reads)!, result.GetValue(output)!, result.GetValue(tolerance));
            await using var stdin = Console.OpenStandardInput();
            await using var stdout = Console.OpenStandardOutput();
            return await new MatchCommand(Console.Error, TimeProvider.System).RunAsync(options, stdin, stdout, ct);
        });
        return command;
    }
}
