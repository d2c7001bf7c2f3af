using System.Runtime.InteropServices;
using System.Text;

namespace AnprExchange.Core.Index;

/// <summary>
/// Writer-only map from (list, entry id) to the live record id, for upserts and deletes by entry id. Open addressing
/// over 12-byte slots {hash, record id} in native memory (freed at once on rehash: no reader ever sees the map);
/// equality is checked against the record's stored id bytes.
/// </summary>
internal sealed unsafe class EntryIdMap : IDisposable
{
    private const int Empty = -1;
    private const int Tombstone = -2;

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Slot
    {
        public ulong Hash;
        public int RecordId;
    }

    private OffHeapBlock _block;
    private Slot* _slots;
    private int _capacity;
    private int _used;

    public EntryIdMap(int capacity = 16)
    {
        _block = NewSlots(Math.Max(16, capacity * 3 / 2), out _slots, out _capacity);
    }

    public long AllocatedBytes => _block.Length;

    public void Dispose() => _block.Dispose();

    public static ulong Hash(ushort listId, ReadOnlySpan<byte> entryId) => IndexHash.Bytes(entryId, 0x5151_0000UL + listId) | 1;

    /// <summary>The UTF-8 bytes of an entry id, in <paramref name="buffer"/> when they fit.</summary>
    public static ReadOnlySpan<byte> Encode(string entryId, Span<byte> buffer)
    {
        if (Encoding.UTF8.TryGetBytes(entryId, buffer, out var written))
        {
            return buffer[..written];
        }
        return Encoding.UTF8.GetBytes(entryId);
    }

    public static ulong Hash(ushort listId, string entryId)
    {
        Span<byte> buffer = stackalloc byte[256];
        return Hash(listId, Encode(entryId, buffer));
    }

    public int Find(ulong hash, ushort listId, string entryId, RecordStore records)
    {
        Span<byte> buffer = stackalloc byte[256];
        return Find(hash, listId, Encode(entryId, buffer), records);
    }

    public void EnsureCapacity(int count)
    {
        if ((long)count * 10 > (long)_capacity * 7)
        {
            Rehash(Math.Max(16, (int)Math.Min(int.MaxValue / 2, (long)count * 3 / 2 + 16)));
        }
    }

    public int Find(ulong hash, ushort listId, ReadOnlySpan<byte> buffer, RecordStore records)
    {
        FindSlot(hash, listId, buffer, records, out var recordId);
        return recordId;
    }

    /// <summary>
    /// One probe for an upsert or delete: the slot holding the entry (<paramref name="recordId"/> ≥ 0) or the empty
    /// slot where it would go (<paramref name="recordId"/> = -1). Call <see cref="ReserveOne"/> first.
    /// </summary>
    public int FindSlot(ulong hash, ushort listId, ReadOnlySpan<byte> entryId, RecordStore records, out int recordId)
    {
        var stored = new StoredEntry(listId, entryId, records);
        return FindSlot(hash, ref stored, out recordId);
    }

    /// <summary>As above, with the equality of a same-hash record decided by <paramref name="entry"/>.</summary>
    public int FindSlot<TEntry>(ulong hash, ref TEntry entry, out int recordId)
        where TEntry : struct, IEntryIdentity, allows ref struct
    {
        var i = IndexHash.Slot(hash, (uint)_capacity);
        while (true)
        {
            var slot = _slots[i];
            if (slot.RecordId == Empty)
            {
                recordId = -1;
                return (int)i;
            }
            if (slot.Hash == hash && slot.RecordId >= 0 && entry.IsRecordOf(slot.RecordId))
            {
                recordId = slot.RecordId;
                return (int)i;
            }
            i = i + 1 == _capacity ? 0 : i + 1;
        }
    }

    /// <summary>Starts loading the first slot <paramref name="hash"/> probes (bulk applies run ahead of their probes).</summary>
    public void Prefetch(ulong hash)
    {
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(_slots + IndexHash.Slot(hash, (uint)_capacity));
        }
    }

    /// <summary>Decides whether a record with the same hash is the entry being probed for.</summary>
    public interface IEntryIdentity
    {
        bool IsRecordOf(int recordId);
    }

    /// <summary>Identity against the record store: same list, same stored entry-id bytes.</summary>
    public readonly ref struct StoredEntry(ushort listId, ReadOnlySpan<byte> entryId, RecordStore records) : IEntryIdentity
    {
        private readonly ReadOnlySpan<byte> _entryId = entryId;

        public bool IsRecordOf(int recordId)
        {
            ref var row = ref records[recordId];
            return row.Hot.ListId == listId && records.Text.Get(row.EntryId).SequenceEqual(_entryId);
        }
    }

    /// <summary>Makes room for one more entry, so the slot <see cref="FindSlot"/> returns stays valid.</summary>
    public void ReserveOne()
    {
        if ((_used + 1) * 10 > _capacity * 7)
        {
            Rehash(Math.Max(16, CountLive() * 2 + 16));
        }
    }

    /// <summary>Stores <paramref name="recordId"/> in a slot from <see cref="FindSlot"/>; -1 removes the entry there.</summary>
    public void SetAt(int slot, ulong hash, int recordId)
    {
        ref var target = ref _slots[slot];
        if (target.RecordId == Empty)
        {
            if (recordId < 0)
            {
                return;
            }
            _used++;
        }
        target = new Slot { Hash = hash, RecordId = recordId < 0 ? Tombstone : recordId };
    }

    public void Add(ulong hash, int recordId)
    {
        if ((_used + 1) * 10 > _capacity * 7)
        {
            Rehash(Math.Max(16, CountLive() * 2 + 16));
        }
        var i = IndexHash.Slot(hash, (uint)_capacity);
        while (_slots[i].RecordId >= 0)
        {
            i = i + 1 == _capacity ? 0 : i + 1;
        }
        if (_slots[i].RecordId == Empty)
        {
            _used++;
        }
        _slots[i] = new Slot { Hash = hash, RecordId = recordId };
    }

    public void Remove(ulong hash, int recordId)
    {
        var i = IndexHash.Slot(hash, (uint)_capacity);
        while (_slots[i].RecordId != Empty)
        {
            if (_slots[i].RecordId == recordId)
            {
                _slots[i].RecordId = Tombstone;
                return;
            }
            i = i + 1 == _capacity ? 0 : i + 1;
        }
    }

    private int CountLive()
    {
        var live = 0;
        for (var i = 0; i < _capacity; i++)
        {
            live += _slots[i].RecordId >= 0 ? 1 : 0;
        }
        return live;
    }

    private void Rehash(int capacity)
    {
        var oldBlock = _block;
        var old = _slots;
        var oldCapacity = _capacity;
        _block = NewSlots(capacity, out _slots, out _capacity);
        _used = 0;
        for (var k = 0; k < oldCapacity; k++)
        {
            var slot = old[k];
            if (slot.RecordId >= 0)
            {
                var i = IndexHash.Slot(slot.Hash, (uint)_capacity);
                while (_slots[i].RecordId != Empty)
                {
                    i = i + 1 == _capacity ? 0 : i + 1;
                }
                _slots[i] = slot;
                _used++;
            }
        }
        oldBlock.Dispose();
    }

    private static OffHeapBlock NewSlots(int capacity, out Slot* slots, out int slotCount)
    {
        var block = new OffHeapBlock((long)capacity * sizeof(Slot));
        slots = (Slot*)block.Pointer;
        slotCount = capacity;
        new Span<Slot>(slots, capacity).Fill(new Slot { RecordId = Empty });
        return block;
    }
}
