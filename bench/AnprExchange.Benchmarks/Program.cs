using AnprExchange.Benchmarks.Hotlists;
using BenchmarkDotNet.Running;

// Run a suite: dotnet run -c Release --project bench/AnprExchange.Benchmarks -- --filter '*LookupBenchmarks*'
// Memory and GC pause report: dotnet run -c Release --project bench/AnprExchange.Benchmarks -- memory 10000000
if (args is ["memory", ..])
{
    MemoryReport.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000_000);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
