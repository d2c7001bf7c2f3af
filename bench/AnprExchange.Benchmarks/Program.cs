using BenchmarkDotNet.Running;

// Run a suite: dotnet run -c Release --project bench/AnprExchange.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
