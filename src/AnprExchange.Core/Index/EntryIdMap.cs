using System.Runtime.InteropServices;
using System.Text;

namespace AnprExchange.Core.Index;

/// <summary>
/// Writer-only map from (list, entry id) to the live record id, for upserts and deletes by entry id. Open addressing
/// over 12-byte slots {hash, record id} (no references); equality is checked against the record's stored id bytes.
/// </summary>
internal sealed class EntryIdMap
{
    private const int Empty = -1;
    private const int Tombstone = -2;

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Slot
    {
        public ulong Hash;
        public int RecordId;
    }

    private Slot[] _slots;
    private int _used;

    public EntryIdMap(int capacity = 16)
    {
        _slots = NewSlots(Math.Max(16, capacity * 3 / 2));
    }

    public long AllocatedBytes => (long)_slots.Length * Marshal.SizeOf<Slot>();

    public static ulong Hash(ushort listId, ReadOnlySpan<byte> entryId) => IndexHash.Bytes(entryId, 0x5151_0000UL + listId) | 1;

    public static ulong Hash(ushort listId, string entryId)
    {
        var length = Encoding.UTF8.GetByteCount(entryId);
        var buffer = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(entryId, buffer);
        return Hash(listId, buffer);
    }

    public int Find(ulong hash, ushort listId, string entryId, RecordStore records)
    {
        var length = Encoding.UTF8.GetByteCount(entryId);
        var buffer = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(entryId, buffer);
        var i = IndexHash.Slot(hash, (uint)_slots.Length);
        while (true)
        {
            var slot = _slots[i];
            if (slot.RecordId == Empty)
            {
                return -1;
            }
            if (slot.Hash == hash && slot.RecordId >= 0)
            {
                ref var row = ref records[slot.RecordId];
                if (row.Hot.ListId == listId && records.Text.Get(row.EntryId).SequenceEqual(buffer))
                {
                    return slot.RecordId;
                }
            }
            i = i + 1 == _slots.Length ? 0 : i + 1;
        }
    }

    public void Add(ulong hash, int recordId)
    {
        if ((_used + 1) * 10 > _slots.Length * 7)
        {
            Rehash(Math.Max(16, CountLive() * 2 + 16));
        }
        var i = IndexHash.Slot(hash, (uint)_slots.Length);
        while (_slots[i].RecordId >= 0)
        {
            i = i + 1 == _slots.Length ? 0 : i + 1;
        }
        if (_slots[i].RecordId == Empty)
        {
            _used++;
        }
        _slots[i] = new Slot { Hash = hash, RecordId = recordId };
    }

    public void Remove(ulong hash, int recordId)
    {
        var i = IndexHash.Slot(hash, (uint)_slots.Length);
        while (_slots[i].RecordId != Empty)
        {
            if (_slots[i].RecordId == recordId)
            {
                _slots[i].RecordId = Tombstone;
                return;
            }
            i = i + 1 == _slots.Length ? 0 : i + 1;
        }
    }

    private int CountLive()
    {
        var live = 0;
        foreach (var slot in _slots)
        {
            live += slot.RecordId >= 0 ? 1 : 0;
        }
        return live;
    }

    private void Rehash(int capacity)
    {
        var old = _slots;
        _slots = NewSlots(capacity);
        _used = 0;
        foreach (var slot in old)
        {
            if (slot.RecordId >= 0)
            {
                var i = IndexHash.Slot(slot.Hash, (uint)_slots.Length);
                while (_slots[i].RecordId != Empty)
                {
                    i = i + 1 == _slots.Length ? 0 : i + 1;
                }
                _slots[i] = slot;
                _used++;
            }
        }
    }

    private static Slot[] NewSlots(int capacity)
    {
        var slots = new Slot[capacity];
        slots.AsSpan().Fill(new Slot { RecordId = Empty });
        return slots;
    }
}
