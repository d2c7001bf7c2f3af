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
        Heads = new ShardHead[shards.Length];
        for (var i = 0; i < shards.Length; i++)
        {
            Heads[i] = shards[i].Head;
        }
        ShardShift = shardShift;
        Wildcards = wildcards;
        Tolerances = tolerances;
        Lists = lists;
        Records = records;
        Version = version;
        Count = count;
    }

    public IndexShard[] Shards { get; }
    public ShardHead[] Heads { get; }
    public int ShardShift { get; }
    public WildcardSet Wildcards { get; }
    public byte[] Tolerances { get; }
    public HotlistId[] Lists { get; }
    public RecordStore Records { get; }
    public long Version { get; }
    public int Count { get; }

    public int Lookup(in PlateQuery query, Span<HotlistMatch> destination)
    {
        var found = MatchPlate(query, IndexHash.Mix(query.Key.Skeleton), destination);
        found = Wildcards.Match(query, Records, destination, found);
        SortByPriority(destination[..Math.Min(found, destination.Length)]);
        GC.KeepAlive(this); // the shards' native memory lives as long as this generation
        return found;
    }

    public unsafe int LookupBatch(ReadOnlySpan<PlateQuery> queries, Span<HotlistMatch> matches, Span<int> counts)
    {
        Span<ulong> hashes = stackalloc ulong[BatchBlock];
        var written = 0;
        var heads = Heads;
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
                    Sse.Prefetch0(heads[(int)(hash >> ShardShift)].FirstSlot(hash));
                }
            }

            // Pass 2: probe; stop before a query whose matches would not fit.
            for (var j = 0; j < block; j++)
            {
                ref readonly var query = ref queries[start + j];
                var hash = hashes[j];
                var room = matches[written..];
                var found = MatchPlate(query, hash, room);
                found = Wildcards.Match(query, Records, room, found);
                if (found > room.Length)
                {
                    GC.KeepAlive(this);
                    return start + j;
                }
                SortByPriority(room[..found]);
                counts[start + j] = found;
                written += found;
            }
        }
        GC.KeepAlive(this); // the shards' native memory lives as long as this generation
        return queries.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int MatchPlate(in PlateQuery query, ulong hash, Span<HotlistMatch> destination)
    {
        var shard = (int)(hash >> ShardShift);
        var slot = Heads[shard].Find(hash, query.Key.Skeleton);
        return slot < 0 ? 0 : Shards[shard].Collect(slot, query, Tolerances, Records, destination, 0);
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
