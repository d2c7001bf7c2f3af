using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Plates;

namespace AnprExchange.Core.Index;

/// <summary>
/// One immutable shard of the plate table: ordered linear probing over skeleton hashes (8-byte slots, 0 = empty,
/// load ≤ 0.8, home slot = fastrange of the hash's low 32 bits, runs sorted, no wrap-around), with per slot the start of its entry group (4 bytes,
/// read on a hit), the group's <see cref="HotEntry"/> attributes (16 bytes each, the last one flagged) and, beside
/// them, record ids (4 bytes, read on a match). All four live in one region carved from a <see cref="ShardArena"/>:
/// [slots | attributes | starts | record ids], each part 64-byte aligned. The writer never mutates a published
/// shard: it builds a new one.
/// </summary>
internal sealed unsafe partial class IndexShard
{
    public static readonly IndexShard Empty = Allocate(new ShardArena(), 1, 2, 0);

    private readonly OffHeapBlock _block;
    private readonly ulong* _slots;
    private readonly HotEntry* _entries;
    private readonly int* _starts;
    private readonly int* _recordIds;

    private IndexShard(OffHeapBlock block, byte* at, long bytes, int capacity, int slotCount, int entryCount)
    {
        _block = block;
        Bytes = bytes;
        Capacity = capacity;
        SlotCount = slotCount;
        EntryCount = entryCount;
        _slots = (ulong*)at;
        _entries = (HotEntry*)(at += Align((long)slotCount * sizeof(ulong)));
        _starts = (int*)(at += Align((long)entryCount * sizeof(HotEntry)));
        _recordIds = (int*)(at + Align((long)slotCount * sizeof(int)));
    }

    /// <summary>The range home slots are spread over (fastrange); the table has a few more slots past it.</summary>
    public int Capacity { get; }
    public int SlotCount { get; }
    public int EntryCount { get; }
    public long Bytes { get; }

    public ShardHead Head => new(_slots, (uint)Capacity);

    /// <summary>Adds the entries of the skeleton group in <paramref name="slot"/> that match the read; returns the new number found.</summary>
    public int Collect(int slot, in PlateQuery query, byte[] tolerances, RecordStore records, Span<HotlistMatch> destination, int found)
    {
        for (var e = _starts[slot]; ; e++)
        {
            ref readonly var entry = ref _entries[e];
            var substitutions = OcrKey.Substitutions(entry.Members, query.Key.Members);
            if ((substitutions == 0 || substitutions <= tolerances[entry.ListId])
                && Validity.Contains(entry, query.Seconds, query.UtcTicks, records, _recordIds[e]))
            {
                if (found < destination.Length)
                {
                    destination[found] = new HotlistMatch(
                        _recordIds[e], entry, substitutions == 0 ? MatchKind.Exact : MatchKind.OcrEquivalent, substitutions);
                }
                found++;
            }
            if (entry.IsLast)
            {
                return found;
            }
        }
    }

    /// <summary>A zeroed shard for <paramref name="slotCount"/> slots and <paramref name="entryCount"/> entries.</summary>
    private static IndexShard Allocate(ShardArena arena, int capacity, int slotCount, int entryCount)
    {
        slotCount = Math.Max(slotCount, capacity + 1);
        var bytes = Align((long)slotCount * sizeof(ulong)) + Align((long)entryCount * sizeof(HotEntry))
            + Align((long)slotCount * sizeof(int)) + Align((long)entryCount * sizeof(int));
        var (block, at) = arena.Carve(bytes);
        return new IndexShard(block, (byte*)at, bytes, capacity, slotCount, entryCount);
    }

    private static long Align(long bytes) => (bytes + 63) & ~63L;
}
