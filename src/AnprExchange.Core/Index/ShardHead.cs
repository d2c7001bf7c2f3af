using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AnprExchange.Core.Index;

/// <summary>
/// What a probe needs of a shard (16 bytes), held inline in the generation's array (64 KiB for 4096 shards, stays in
/// L2): a miss then costs one dependent memory access — the slot — instead of three (shard object, array header, slot).
/// </summary>
internal readonly struct ShardHead
{
    private readonly ulong[] _slots;
    private readonly uint _capacity;

    public ShardHead(ulong[] slots)
    {
        _slots = slots;
        _capacity = (uint)slots.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref ulong FirstSlot(ulong hash) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), (nint)IndexHash.Slot(hash, _capacity));

    /// <summary>The slot holding <paramref name="skeleton"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong hash, ulong skeleton)
    {
        var capacity = _capacity;
        ref var slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        var i = IndexHash.Slot(hash, capacity);
        while (true)
        {
            var slot = Unsafe.Add(ref slots, (nint)i);
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
