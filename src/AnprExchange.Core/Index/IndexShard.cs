using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Plates;

namespace AnprExchange.Core.Index;

/// <summary>
/// One immutable shard of the plate table: linear-probing open addressing over skeletons (8-byte slots, 0 = empty,
/// load ≤ 0.8, slot = fastrange of the hash's low 32 bits), with per slot the start of its entry group (4 bytes,
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

    public ShardHead Head => new(_slots);

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
}
