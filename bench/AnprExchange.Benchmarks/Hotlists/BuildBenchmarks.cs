using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Index;
using AnprExchange.Core.Plates;
using BenchmarkDotNet.Attributes;

namespace AnprExchange.Benchmarks.Hotlists;

/// <summary>
/// Building a hotlist of N entries from entry objects already in memory (as after CSV parsing or replication):
/// the index (normalise, encode, texts, entry-id map, shards) vs a Dictionary keyed by the normalised plate (Baseline).
/// </summary>
[Config(typeof(ShortRunConfig))]
public class BuildBenchmarks
{
    private HotlistEntry[] _entries = [];

    [Params(1_000_000, 10_000_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup() => _entries = [.. HotlistData.Entries(HotlistData.Plates(Entries))];

    /// <summary>
    /// Every build starts from the same collected heap: reclaiming the previous iteration's structure is not building.
    /// Without this the two pay unequally — the Dictionary's goes to gen 2 and is never collected within the run, while
    /// the index's native blocks report memory pressure and get a gen-2 collection during the next build.
    /// </summary>
    [IterationCleanup]
    public void CollectPreviousBuild()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    [Benchmark(Baseline = true)]
    public int Dictionary()
    {
        var dictionary = new Dictionary<string, HotlistEntry>(StringComparer.Ordinal);
        foreach (var entry in _entries)
        {
            PlateNormalizer.TryNormalize(entry.Plate, out var plate, out _);
            dictionary[plate] = entry;
        }
        return dictionary.Count;
    }

    [Benchmark]
    public int Index() => HotlistIndex.Build(_entries).Count;
}
