using System.CommandLine;
using AnprExchange.Cli.Demo;

namespace AnprExchange.Cli.Verbs;

/// <summary>`anpr demo`: the whole pipeline in one process on the embedded cluster, ending with a summary.</summary>
public static class DemoVerb
{
    public static Command Create()
    {
        var duration = new Option<TimeSpan>("--duration")
        {
            Description = "How long the cameras send reads, e.g. 30s, 2m.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(30),
            CustomParser = r => DurationParser.Parse(r.Tokens[0].Value, r),
        };
        var rate = new Option<int>("--rate") { Description = "Reads per second from all cameras together.", DefaultValueFactory = _ => 500 };
        var seed = new Option<int>("--seed") { Description = "Seed of the sample hotlists and reads.", DefaultValueFactory = _ => 2026 };
        var command = new Command("demo", "Run hotlists, cameras, matcher and a control room in one process on the embedded cluster.") { duration, rate, seed };
        command.SetAction(async (result, ct) =>
        {
            var runner = new DemoRunner(new DemoSettings(result.GetValue(duration), result.GetValue(rate), result.GetValue(seed)), Console.Out, TimeProvider.System);
            var summary = await runner.RunAsync(ct);
            summary.Print(Console.Out);
            return summary.Lost == 0 ? 0 : 1;
        });
        return command;
    }
}
