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

    /// <summary>Builds a shard over the given live plate entries, grouping them by skeleton; reads no record rows.</summary>
    public static IndexShard Build(ReadOnlySpan<ShardItem> items)
    {
        var count = items.Length;
        if (count == 0)
        {
            return Empty;
        }
        var capacity = count + (count / 4) + 1; // load ≤ 0.8
        var shard = Allocate(capacity, count);
        var slots = shard._slots;
        var starts = shard._starts;
        var slotOf = ArrayPool<int>.Shared.Rent(count);
        try
        {
            // Pass 1: place skeletons, count each group (in starts for now).
            for (var k = 0; k < count; k++)
            {
                var skeleton = items[k].Skeleton;
                var i = IndexHash.Slot(IndexHash.Mix(skeleton), (uint)capacity);
                while (slots[i] != skeleton && slots[i] != 0)
                {
                    i = i + 1 == capacity ? 0 : i + 1;
                }
                slots[i] = skeleton;
                starts[i]++;
                slotOf[k] = (int)i;
            }

            // Pass 2: group starts by prefix sum; pass 3: place entries at the end of their group, counting down.
            var next = 0;
            for (var i = 0; i < capacity; i++)
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
            for (var i = capacity - 1; i >= 0; i--)
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
            ArrayPool<int>.Shared.Return(slotOf);
        }
    }
}
