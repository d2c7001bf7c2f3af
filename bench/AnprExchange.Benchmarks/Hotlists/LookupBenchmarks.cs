using System.Collections.Frozen;
using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Index;
using AnprExchange.Core.Plates;
using BenchmarkDotNet.Attributes;

namespace AnprExchange.Benchmarks.Hotlists;

/// <summary>
/// Time per read, from the UTF-8 plate bytes to the matching entries: normalisation, then the index (exact + OCR +
/// validity, single and batched) vs string-keyed dictionaries probed through a ReadOnlySpan&lt;char&gt; alternate
/// lookup (exact only). Every method handles the same <see cref="ReadCount"/> reads per invocation.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class LookupBenchmarks
{
    private const int ReadCount = 1 << 16;
    private const int Batch = 256;

    private byte[][] _reads = [];
    private HotlistIndex _index = null!;
    private FrozenDictionary<string, HotlistEntry> _frozen = null!;
    private Dictionary<string, HotlistEntry> _dictionary = null!;
    private readonly HotlistMatch[] _matches = new HotlistMatch[16];
    private readonly PlateQuery[] _queries = new PlateQuery[Batch];
    private readonly HotlistMatch[] _batchMatches = new HotlistMatch[Batch * 4];
    private readonly int[] _counts = new int[Batch];

    [Params(100_000, 1_000_000, 10_000_000)]
    public int Entries { get; set; }

    // Each benchmark case runs its own setup: build only the structure it probes (10M entries take a while).
    [GlobalSetup(Targets = [nameof(IndexSingle), nameof(IndexBatched)])]
    public void SetupIndex() => _index = HotlistIndex.Build(HotlistData.Entries(Prepare()));

    [GlobalSetup(Target = nameof(Dictionary))]
    public void SetupDictionary() => _dictionary = HotlistData.Entries(Prepare()).ToDictionary(e => e.Plate, StringComparer.Ordinal);

    [GlobalSetup(Target = nameof(FrozenDictionary))]
    public void SetupFrozen() =>
        _frozen = HotlistData.Entries(Prepare()).ToDictionary(e => e.Plate, StringComparer.Ordinal).ToFrozenDictionary(StringComparer.Ordinal);

    private string[] Prepare()
    {
        var plates = HotlistData.Plates(Entries);
        _reads = HotlistData.Reads(plates, ReadCount);
        return plates;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _index = null!;
        _frozen = null!;
        _dictionary = null!;
        GC.Collect();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ReadCount)]
    public int FrozenDictionary()
    {
        var lookup = _frozen.GetAlternateLookup<ReadOnlySpan<char>>();
        var hits = 0;
        Span<byte> plate = stackalloc byte[PlateNormalizer.MaxLength];
        Span<char> chars = stackalloc char[PlateNormalizer.MaxLength];
        foreach (var read in _reads)
        {
            if (PlateNormalizer.Normalize(read, plate, out var length) == PlateStatus.Valid)
            {
                for (var i = 0; i < length; i++)
                {
                    chars[i] = (char)plate[i];
                }
                hits += lookup.TryGetValue(chars[..length], out _) ? 1 : 0;
            }
        }
        return hits;
    }

    [Benchmark(OperationsPerInvoke = ReadCount)]
    public int Dictionary()
    {
        var lookup = _dictionary.GetAlternateLookup<ReadOnlySpan<char>>();
        var hits = 0;
        Span<byte> plate = stackalloc byte[PlateNormalizer.MaxLength];
        Span<char> chars = stackalloc char[PlateNormalizer.MaxLength];
        foreach (var read in _reads)
        {
            if (PlateNormalizer.Normalize(read, plate, out var length) == PlateStatus.Valid)
            {
                for (var i = 0; i < length; i++)
                {
                    chars[i] = (char)plate[i];
                }
                hits += lookup.TryGetValue(chars[..length], out _) ? 1 : 0;
            }
        }
        return hits;
    }

    [Benchmark(OperationsPerInvoke = ReadCount)]
    public int IndexSingle()
    {
        var view = _index.Acquire();
        var hits = 0;
        foreach (var read in _reads)
        {
            if (PlateQuery.TryCreate(read, HotlistData.ReadTime, out var query) == PlateStatus.Valid)
            {
                hits += view.Lookup(query, _matches);
            }
        }
        return hits;
    }

    [Benchmark(OperationsPerInvoke = ReadCount)]
    public int IndexBatched()
    {
        var view = _index.Acquire();
        var hits = 0;
        for (var start = 0; start < _reads.Length; start += Batch)
        {
            var n = 0;
            for (var i = start; i < start + Batch; i++)
            {
                if (PlateQuery.TryCreate(_reads[i], HotlistData.ReadTime, out _queries[n]) == PlateStatus.Valid)
                {
                    n++;
                }
            }
            view.LookupBatch(_queries.AsSpan(0, n), _batchMatches, _counts);
            for (var i = 0; i < n; i++)
            {
                hits += _counts[i];
            }
        }
        return hits;
    }
}
