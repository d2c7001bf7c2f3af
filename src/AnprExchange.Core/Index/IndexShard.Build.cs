using System.Buffers;

namespace AnprExchange.Core.Index;

internal sealed unsafe partial class IndexShard
{
    /// <summary>Adds this shard's entries whose records are still live (for a rebuild).</summary>
    public void AddLiveItems(List<ShardItem> items, RecordStore records)
    {
        for (var i = 0; i < SlotCount; i++)
        {
            if (_slots[i] == 0)
            {
                continue;
            }
            for (var e = _starts[i]; ; e++)
            {
                if (!records[_recordIds[e]].Dead)
                {
                    items.Add(new ShardItem(_slots[i], _entries[e], _recordIds[e]));
                }
                if (_entries[e].IsLast)
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Builds a shard over the given live plate entries, grouping them by skeleton; reads no record rows. Hashes are
    /// placed in ascending order of their low 32 bits (which is the order of their home slots), each at its home slot or
    /// just after the previous one: runs are sorted, so a probe can stop early, and nothing wraps around — the table
    /// has room past its capacity for the last run, plus one empty slot that ends every probe.
    /// </summary>
    public static IndexShard Build(ReadOnlySpan<ShardItem> items, ShardArena arena)
    {
        var count = items.Length;
        if (count == 0)
        {
            return Empty;
        }
        var capacity = count + (count / 4) + 1; // load ≤ 0.8
        var order = ArrayPool<int>.Shared.Rent(count);
        var slotOf = ArrayPool<int>.Shared.Rent(count);
        var homeStarts = ArrayPool<int>.Shared.Rent(capacity + 1);
        try
        {
            // Order by home slot with a counting sort (hashes are uniform: a few items per home), then by the low 32
            // bits within a home (insertion sort of those few).
            Array.Clear(homeStarts, 0, capacity + 1);
            for (var k = 0; k < count; k++)
            {
                var home = (int)IndexHash.Slot(items[k].Hash, (uint)capacity);
                slotOf[k] = home;
                homeStarts[home + 1]++;
            }
            for (var h = 0; h < capacity; h++)
            {
                homeStarts[h + 1] += homeStarts[h];
            }
            for (var k = 0; k < count; k++)
            {
                order[homeStarts[slotOf[k]]++] = k;
            }
            SortRunsByLowBits(items, order.AsSpan(0, count));

            // Pass 1: positions, each at its home or just after the previous one. One slot per distinct hash; equal
            // hashes (entries of one skeleton) share it.
            var last = -1;
            var lastHash = 0UL;
            for (var n = 0; n < count; n++)
            {
                var k = order[n];
                var hash = items[k].Hash;
                if (last < 0 || hash != lastHash)
                {
                    // Equal low bits, different hashes: another slot; the same hash met again later in the run: its slot.
                    var existing = FindPlaced(items, order, slotOf, n, hash);
                    if (existing >= 0)
                    {
                        slotOf[k] = existing;
                        continue;
                    }
                    last = Math.Max((int)IndexHash.Slot(hash, (uint)capacity), last + 1);
                    lastHash = hash;
                }
                slotOf[k] = last;
            }

            var shard = Allocate(arena, capacity, last + 2, count);
            var slots = shard._slots;
            var starts = shard._starts;
            for (var k = 0; k < count; k++)
            {
                slots[slotOf[k]] = items[k].Hash;
                starts[slotOf[k]]++;
            }

            // Pass 2: group starts by prefix sum; pass 3: place entries at the end of their group, counting down.
            var next = 0;
            for (var i = 0; i < shard.SlotCount; i++)
            {
                next += starts[i];
                starts[i] = next;
            }
            var entries = shard._entries;
            var ids = shard._recordIds;
            for (var k = count - 1; k >= 0; k--)
            {
                var position = --starts[slotOf[k]];
                entries[position] = items[k].Hot;
                entries[position].Flags &= unchecked((byte)~HotEntry.LastFlag);
                ids[position] = items[k].RecordId;
            }
            // Groups lie in slot order: a group ends where the next occupied slot's group starts.
            var end = count;
            for (var i = shard.SlotCount - 1; i >= 0; i--)
            {
                if (slots[i] != 0)
                {
                    entries[end - 1].Flags |= HotEntry.LastFlag;
                    end = starts[i];
                }
            }
            return shard;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<int>.Shared.Return(slotOf);
            ArrayPool<int>.Shared.Return(homeStarts);
        }
    }

    /// <summary>Insertion sort by the hash's low 32 bits (then item number) of an order that is already sorted by home slot.</summary>
    private static void SortRunsByLowBits(ReadOnlySpan<ShardItem> items, Span<int> order)
    {
        for (var n = 1; n < order.Length; n++)
        {
            var k = order[n];
            var key = (uint)items[k].Hash;
            var m = n - 1;
            while (m >= 0 && ((uint)items[order[m]].Hash > key || ((uint)items[order[m]].Hash == key && order[m] > k)))
            {
                order[m + 1] = order[m];
                m--;
            }
            order[m + 1] = k;
        }
    }

    /// <summary>The slot already given to <paramref name="hash"/> by an earlier item with the same low 32 bits, or -1.</summary>
    private static int FindPlaced(ReadOnlySpan<ShardItem> items, int[] order, int[] slotOf, int n, ulong hash)
    {
        for (var m = n - 1; m >= 0 && (uint)items[order[m]].Hash == (uint)hash; m--)
        {
            var k = order[m];
            if (items[k].Hash == hash)
            {
                return slotOf[k];
            }
        }
        return -1;
    }
}
