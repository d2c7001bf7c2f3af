using System.Runtime.CompilerServices;

namespace AnprExchange.Core.Index;

/// <summary>
/// What a probe needs of a shard (16 bytes), held inline in the generation's array (64 KiB for 4096 shards, stays in
/// L2): a miss then costs one dependent memory access — the slot — instead of two (shard object, slot). The pointer
/// is valid while the generation holding this head is reachable (its shards own the memory).
/// </summary>
internal readonly unsafe struct ShardHead
{
    private readonly ulong* _slots;
    private readonly uint _capacity;

    public ShardHead(ulong* slots, uint capacity)
    {
        _slots = slots;
        _capacity = capacity;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong* FirstSlot(ulong hash) => _slots + IndexHash.Slot(hash, _capacity);

    /// <summary>The slot holding <paramref name="skeleton"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong hash, ulong skeleton)
    {
        var capacity = _capacity;
        var slots = _slots;
        var i = IndexHash.Slot(hash, capacity);
        while (true)
        {
            var slot = slots[i];
            if (slot == skeleton)
            {
                return (int)i;
            }
            if (slot == 0)
            {
                return -1;
            }
            if (++i == capacity)
            {
                i = 0;
            }
        }
    }
}
