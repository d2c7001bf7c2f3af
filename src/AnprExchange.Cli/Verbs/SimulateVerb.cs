using System.CommandLine;
using System.Diagnostics;
using AnprExchange.EdgeAgent.Client;

namespace AnprExchange.Cli.Verbs;

/// <summary>`anpr simulate`: cameras that send reads to an edge agent through the client SDK, with a closing summary.</summary>
public static class SimulateVerb
{
    public static Command Create()
    {
        var agent = new Option<string>("--agent") { Description = "The agent's camera TCP endpoint, host:port.", DefaultValueFactory = _ => "127.0.0.1:7300" };
        var cameras = new Option<int>("--cameras") { Description = "Number of cameras (one connection each).", DefaultValueFactory = _ => 10 };
        var rate = new Option<double>("--rate") { Description = "Reads per second, all cameras together.", DefaultValueFactory = _ => 100 };
        var duration = new Option<TimeSpan>("--duration")
        {
            Description = "How long to send (30s, 2m, …).",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(10),
            CustomParser = r => DurationParser.Parse(r.Tokens[0].Value, r),
        };
        var invalid = new Option<double>("--invalid-percent") { Description = "Share of reads with a garbage plate, to see rejections.", DefaultValueFactory = _ => 0 };
        var command = new Command("simulate", "Simulate cameras sending reads to an edge agent (anpr agent) through the client SDK.")
        {
            agent, cameras, rate, duration, invalid,
        };
        command.SetAction(async (result, ct) =>
        {
            var options = EdgeAgentClientOptions.Parse(result.GetValue(agent)!);
            var simulation = new CameraSimulation(TimeProvider.System, options, result.GetValue(cameras), result.GetValue(rate), result.GetValue(invalid) / 100.0);
            var summary = await simulation.RunAsync(result.GetValue(duration), ct);
            Console.WriteLine(summary);
            return summary.Missing == 0 ? 0 : 1;
        });
        return command;
    }
}

/// <summary>Paces reads over the cameras, collects the agent's answers and their latency.</summary>
internal sealed class CameraSimulation(TimeProvider time, EdgeAgentClientOptions options, int cameras, double rate, double invalidShare)
{
    private static readonly char[] Letters = "ABCDEFGHJKLMNPRSTVWXYZ".ToCharArray();

    public async Task<SimulationSummary> RunAsync(TimeSpan duration, CancellationToken ct)
    {
        var clients = Enumerable.Range(0, Math.Max(1, cameras)).Select(_ => new EdgeAgentClient(options)).ToArray();
        var answers = new List<Task<(ReadAck Ack, double Ms)>>();
        var clock = Stopwatch.StartNew();
        var sent = 0L;
        try
        {
            while (clock.Elapsed < duration && !ct.IsCancellationRequested)
            {
                var due = (long)(rate * clock.Elapsed.TotalSeconds);
                for (; sent < due; sent++)
                {
                    var camera = (int)(sent % clients.Length);
                    answers.Add(SendAsync(clients[camera], camera, ct));
                }
                await Task.Delay(10, ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
        var done = new List<(ReadAck Ack, double Ms)>();
        foreach (var answer in answers)
        {
            try
            {
                done.Add(await answer.WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None));
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
        var elapsed = clock.Elapsed;
        var reconnects = clients.Sum(c => c.Reconnects);
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
        var latencies = done.Select(d => d.Ms).Order().ToArray();
        return new SimulationSummary(
            sent,
            done.Count(d => d.Ack.IsAccepted),
            done.Where(d => !d.Ack.IsAccepted).GroupBy(d => d.Ack.Error!).ToDictionary(g => g.Key, g => g.Count()),
            sent - done.Count,
            reconnects,
            elapsed,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99));
    }

    private async Task<(ReadAck, double)> SendAsync(EdgeAgentClient client, int camera, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var garbage = Random.Shared.NextDouble() < invalidShare;
        var ack = await client.SendAsync(new CameraRead
        {
            CameraId = $"sim-cam-{camera:D4}",
            Timestamp = time.GetUtcNow(),
            Plate = garbage ? "#?!" : RandomPlate(),
            Country = "BE",
            Confidence = Math.Round(0.7 + (Random.Shared.NextDouble() * 0.3), 3),
        }, ct);
        return (ack, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static string RandomPlate() =>
        $"{Random.Shared.Next(1, 10)}-{Letters[Random.Shared.Next(Letters.Length)]}{Letters[Random.Shared.Next(Letters.Length)]}{Letters[Random.Shared.Next(Letters.Length)]}-{Random.Shared.Next(0, 1000):D3}";

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)];
}

internal sealed record SimulationSummary(long Sent, long Accepted, Dictionary<string, int> Refused, long Missing, long Reconnects, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public override string ToString() =>
        $"sent {Sent} reads in {Elapsed.TotalSeconds:F1}s ({Sent / Math.Max(Elapsed.TotalSeconds, 0.001):F0}/s): accepted {Accepted}, " +
        $"refused {Refused.Values.Sum()}{(Refused.Count == 0 ? "" : " (" + string.Join(", ", Refused.Select(r => $"{r.Key} {r.Value}")) + ")")}, " +
        $"unanswered {Missing}, reconnects {Reconnects}; ack latency p50 {P50Ms:F1} ms, p99 {P99Ms:F1} ms";
}
