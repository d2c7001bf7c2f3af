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
    public const int PrefetchDistance = 16;

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

    public int LookupBatch(ReadOnlySpan<PlateQuery> queries, Span<HotlistMatch> matches, Span<int> counts)
    {
        // A rolling prefetch: the slot of read j + Distance is requested while read j is probed, so every probe finds
        // its line (or most of the way there) instead of waiting a full memory latency.
        Span<ulong> hashes = stackalloc ulong[PrefetchDistance];
        var written = 0;
        var heads = Heads;
        var wildcards = Wildcards;
        var ahead = Math.Min(PrefetchDistance, queries.Length);
        for (var j = 0; j < ahead; j++)
        {
            hashes[j] = Prefetch(heads, queries[j].Key.Skeleton);
        }
        for (var j = 0; j < queries.Length; j++)
        {
            var hash = hashes[j & (PrefetchDistance - 1)];
            if (j + PrefetchDistance < queries.Length)
            {
                hashes[j & (PrefetchDistance - 1)] = Prefetch(heads, queries[j + PrefetchDistance].Key.Skeleton);
            }
            ref readonly var query = ref queries[j];
            var room = matches[written..];
            var found = MatchPlate(query, hash, room);
            found = wildcards.Match(query, Records, room, found);
            if (found > room.Length)
            {
                GC.KeepAlive(this);
                return j; // stop before a read whose matches would not fit
            }
            SortByPriority(room[..found]);
            counts[j] = found;
            written += found;
        }
        GC.KeepAlive(this); // the shards' native memory lives as long as this generation
        return queries.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe ulong Prefetch(ShardHead[] heads, ulong skeleton)
    {
        var hash = IndexHash.Mix(skeleton);
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(heads[(int)(hash >> ShardShift)].FirstSlot(hash));
        }
        return hash;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int MatchPlate(in PlateQuery query, ulong hash, Span<HotlistMatch> destination)
    {
        var shard = (int)(hash >> ShardShift);
        var slot = Heads[shard].Find(hash);
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
