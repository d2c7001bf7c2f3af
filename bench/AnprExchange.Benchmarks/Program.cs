using AnprExchange.Benchmarks.Hotlists;
using BenchmarkDotNet.Running;

// Run a suite: dotnet run -c Release --project bench/AnprExchange.Benchmarks -- --filter '*LookupBenchmarks*'
// Memory and GC pause report: dotnet run -c Release --project bench/AnprExchange.Benchmarks -- memory 10000000
if (args is ["memory", ..])
{
    MemoryReport.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000_000);
    return;
}
// Hotlist push/replicate/restart figures (issue 4): dotnet run -c Release --project bench/AnprExchange.Benchmarks -- hotlist-e2e 1000000
if (args is ["hotlist-e2e", ..])
{
    HotlistEndToEnd.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
    return;
}
// Edge agent ingest, time and CPU per read (all threads), in alternating rounds:
// dotnet run -c Release --project bench/AnprExchange.Benchmarks -- ingest-cpu [seconds per turn, 3] [rounds, 7]
if (args is ["ingest-cpu", ..])
{
    AnprExchange.Benchmarks.EdgeAgent.IngestCpuReport.Run(
        args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 7);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
