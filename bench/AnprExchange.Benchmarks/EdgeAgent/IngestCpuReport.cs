using System.Diagnostics;
using System.Globalization;
using AnprExchange.EdgeAgent.Spool;

namespace AnprExchange.Benchmarks.EdgeAgent;

/// <summary>
/// What a read costs in CPU, not only in time: the two methods of <see cref="ReadIngestBenchmarks"/> run in turns
/// for a few seconds each, and the process's CPU time (every thread: the camera connection's loops, the spool
/// committer, the benchmark thread that plays the socket, the GC) is divided by the reads. The baseline runs on one
/// thread; the product path spreads over several, so its time per read can be below its CPU per read. A second table
/// splits the product path's CPU by thread, with the time each spent runnable but waiting for a core.
/// The turns alternate, so both methods see the same machine (this VM's speed drifts by a third between minutes); the
/// ratio is taken within each round, and the table gives the median round's figures and the median of the ratios.
/// Run: dotnet run -c Release --project bench/AnprExchange.Benchmarks -- ingest-cpu [seconds per turn] [rounds]
/// </summary>
internal static class IngestCpuReport
{
    public static void Run(double seconds, int rounds)
    {
        Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} rounds of {seconds} s per method; figures of the median round, ratios the median of the rounds' ratios"));
        Console.WriteLine("| fsync policy | method | time per read | CPU per read (all threads) | baseline time ÷ this time | baseline CPU ÷ this CPU |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        var byThread = new List<(SpoolFlushPolicy Policy, ThreadTimes Times)>();
        foreach (var policy in new[] { SpoolFlushPolicy.PerBatch, SpoolFlushPolicy.None })
        {
            var bench = new ReadIngestBenchmarks { FlushPolicy = policy };
            bench.Setup();
            try
            {
                Measure(() => bench.StreamReaderReadLineAndJsonSerializer(), 1);
                Measure(() => bench.CameraConnectionParseSpoolAndReply(), 1, bench.AwaitAllReplies);
                var baseline = new List<(double Time, double Cpu)>();
                var ours = new List<(double Time, double Cpu)>();
                var threads = new ThreadTimes();
                for (var round = 0; round < rounds; round++)
                {
                    baseline.Add(Measure(() => bench.StreamReaderReadLineAndJsonSerializer(), seconds));
                    ours.Add(Measure(() => bench.CameraConnectionParseSpoolAndReply(), seconds, bench.AwaitAllReplies, threads));
                }
                Print(policy, "StreamReader.ReadLine + System.Text.Json (baseline)", baseline, baseline);
                Print(policy, "camera connection: parse, spool, reply", ours, baseline);
                byThread.Add((policy, threads));
            }
            finally
            {
                bench.Cleanup();
            }
        }
        Console.WriteLine();
        Console.WriteLine("| fsync policy | thread | CPU per read | runnable, waiting for a core, per read |");
        Console.WriteLine("|---|---|---:|---:|");
        foreach (var (policy, threads) in byThread)
        {
            threads.Print(policy);
        }
        Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static void Print(SpoolFlushPolicy policy, string method, List<(double Time, double Cpu)> rounds, List<(double Time, double Cpu)> baseline)
    {
        var median = rounds.OrderBy(r => r.Time).ElementAt(rounds.Count / 2);
        var timeRatio = Median(rounds.Select((r, i) => baseline[i].Time / r.Time));
        var cpuRatio = Median(rounds.Select((r, i) => baseline[i].Cpu / r.Cpu));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {policy} | {method} | {median.Time:F1} ns | {median.Cpu:F1} ns | {timeRatio:F2} | {cpuRatio:F2} |"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>
    /// Runs <paramref name="operation"/> (ReadIngestBenchmarks.Reads reads a call) for about <paramref name="seconds"/>,
    /// then <paramref name="drain"/> (waiting for the last replies) inside the measurement.
    /// </summary>
    private static (double Time, double Cpu) Measure(Action operation, double seconds, Action? drain = null, ThreadTimes? threads = null)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var threadsBefore = ThreadTimes.Snapshot();
        var clock = Stopwatch.StartNew();
        long reads = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            operation();
            reads += ReadIngestBenchmarks.Reads;
        }
        drain?.Invoke();
        var time = clock.Elapsed;
        threads?.Add(threadsBefore, ThreadTimes.Snapshot(), reads);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        return (time.TotalNanoseconds / reads, cpu.TotalNanoseconds / reads);
    }
}
