using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Plates;

namespace AnprExchange.Core.Index;

/// <summary>
/// One immutable shard of the plate table: linear-probing open addressing over skeletons (8-byte slots, 0 = empty,
/// load ≤ 0.75, slot = fastrange of the hash's low 32 bits), with per slot the start of its entry group (4 bytes,
/// read on a hit), the group's <see cref="HotEntry"/> attributes (16 bytes each, the last one flagged) and, beside
/// them, record ids (4 bytes, read on a match). The writer never mutates a published shard: it builds a new one.
/// </summary>
internal sealed partial class IndexShard
{
    public static readonly IndexShard Empty = new([0UL], [0], [], []);

    private readonly ulong[] _slots;
    private readonly int[] _starts;
    private readonly HotEntry[] _entries;
    private readonly int[] _recordIds;

    private IndexShard(ulong[] slots, int[] starts, HotEntry[] entries, int[] recordIds)
    {
        _slots = slots;
        _starts = starts;
        _entries = entries;
        _recordIds = recordIds;
    }

    public ReadOnlySpan<int> RecordIds => _recordIds;
    public int SlotCount => _slots.Length;
    public int EntryCount => _entries.Length;

    /// <summary>The slot a lookup of <paramref name="hash"/> probes first, for prefetching.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref ulong FirstSlot(ulong hash) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), (nint)IndexHash.Slot(hash, (uint)_slots.Length));

    /// <summary>Adds the entries of the read's skeleton group that match it; returns the new number found.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Match(ulong hash, in PlateQuery query, byte[] tolerances, RecordStore records, Span<HotlistMatch> destination, int found)
    {
        var capacity = (uint)_slots.Length;
        ref var slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        var i = IndexHash.Slot(hash, capacity);
        var skeleton = query.Key.Skeleton;
        while (true)
        {
            var slot = Unsafe.Add(ref slots, (nint)i);
            if (slot == skeleton)
            {
                return Collect(_starts[i], query, tolerances, records, destination, found);
            }
            if (slot == 0)
            {
                return found;
            }
            if (++i == capacity)
            {
                i = 0;
            }
        }
    }

    private int Collect(int start, in PlateQuery query, byte[] tolerances, RecordStore records, Span<HotlistMatch> destination, int found)
    {
        for (var e = start; ; e++)
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
}
