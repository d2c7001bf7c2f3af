using System.Buffers;

namespace AnprExchange.Core.Index;

internal sealed partial class IndexShard
{
    /// <summary>Builds a shard over the given live records (plates only, no patterns), grouping them by skeleton.</summary>
    public static IndexShard Build(ReadOnlySpan<int> recordIds, RecordStore records)
    {
        var count = recordIds.Length;
        if (count == 0)
        {
            return Empty;
        }
        var capacity = count + (count / 3) + 1;
        var slots = new ulong[capacity];
        var starts = new int[capacity];
        var slotOf = ArrayPool<int>.Shared.Rent(count);
        try
        {
            // Pass 1: place skeletons, count each group (in starts for now).
            for (var k = 0; k < count; k++)
            {
                var skeleton = records[recordIds[k]].Key.Skeleton;
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
            var entries = new HotEntry[count];
            var ids = new int[count];
            for (var k = count - 1; k >= 0; k--)
            {
                var position = --starts[slotOf[k]];
                ref var row = ref records[recordIds[k]];
                entries[position] = row.Hot;
                entries[position].Flags &= unchecked((byte)~HotEntry.LastFlag);
                ids[position] = recordIds[k];
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
            return new IndexShard(slots, starts, entries, ids);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(slotOf);
        }
    }
}
