using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Core.Index;

/// <summary>
/// One published state of the index, immutable for readers: the shard array, the wildcard set, the lists and their
/// OCR tolerances, and the record store the ids refer to. The writer publishes a new generation per batch with one
/// volatile write; a reader takes the current one and uses it to the end of its lookup (or batch).
/// </summary>
internal sealed class IndexGeneration
{
    public const int BatchBlock = 16;

    public IndexGeneration(IndexShard[] shards, int shardShift, WildcardSet wildcards, byte[] tolerances,
        HotlistId[] lists, RecordStore records, long version, int count)
    {
        Shards = shards;
        ShardShift = shardShift;
        Wildcards = wildcards;
        Tolerances = tolerances;
        Lists = lists;
        Records = records;
        Version = version;
        Count = count;
    }

    public IndexShard[] Shards { get; }
    public int ShardShift { get; }
    public WildcardSet Wildcards { get; }
    public byte[] Tolerances { get; }
    public HotlistId[] Lists { get; }
    public RecordStore Records { get; }
    public long Version { get; }
    public int Count { get; }

    public int Lookup(in PlateQuery query, Span<HotlistMatch> destination)
    {
        var hash = IndexHash.Mix(query.Key.Skeleton);
        var found = Shards[(int)(hash >> ShardShift)].Match(hash, query, Tolerances, Records, destination, 0);
        found = Wildcards.Match(query, Records, destination, found);
        SortByPriority(destination[..Math.Min(found, destination.Length)]);
        return found;
    }

    public unsafe int LookupBatch(ReadOnlySpan<PlateQuery> queries, Span<HotlistMatch> matches, Span<int> counts)
    {
        Span<ulong> hashes = stackalloc ulong[BatchBlock];
        var written = 0;
        var shards = Shards;
        for (var start = 0; start < queries.Length; start += BatchBlock)
        {
            var block = Math.Min(BatchBlock, queries.Length - start);

            // Pass 1: hash every key and prefetch the first slot each will probe, so the cache misses overlap.
            for (var j = 0; j < block; j++)
            {
                var hash = IndexHash.Mix(queries[start + j].Key.Skeleton);
                hashes[j] = hash;
                if (Sse.IsSupported)
                {
                    Sse.Prefetch0(Unsafe.AsPointer(ref shards[(int)(hash >> ShardShift)].FirstSlot(hash)));
                }
            }

            // Pass 2: probe; stop before a query whose matches would not fit.
            for (var j = 0; j < block; j++)
            {
                ref readonly var query = ref queries[start + j];
                var hash = hashes[j];
                var room = matches[written..];
                var found = shards[(int)(hash >> ShardShift)].Match(hash, query, Tolerances, Records, room, 0);
                found = Wildcards.Match(query, Records, room, found);
                if (found > room.Length)
                {
                    return start + j;
                }
                SortByPriority(room[..found]);
                counts[start + j] = found;
                written += found;
            }
        }
        return queries.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SortByPriority(Span<HotlistMatch> matches)
    {
        for (var i = 1; i < matches.Length; i++)
        {
            var item = matches[i];
            var j = i - 1;
            while (j >= 0 && matches[j].Priority > item.Priority)
            {
                matches[j + 1] = matches[j];
                j--;
            }
            matches[j + 1] = item;
        }
    }
}
