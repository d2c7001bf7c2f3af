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

    /// <summary>
    /// The slot holding <paramref name="hash"/>, or -1. Slots hold hashes in ascending order of their low 32 bits
    /// (see <see cref="IndexShard.Build"/>), so a probe stops at the first empty slot or the first larger hash: about
    /// three slots at load 0.8, hit or miss, where unordered linear probing reads ~13 on a miss.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong hash)
    {
        var slots = _slots;
        var low = (uint)hash;
        for (var i = IndexHash.Slot(hash, _capacity); ; i++)
        {
            var slot = slots[i];
            if (slot == hash)
            {
                return (int)i;
            }
            if (slot == 0 || (uint)slot > low)
            {
                return -1;
            }
        }
    }
}
