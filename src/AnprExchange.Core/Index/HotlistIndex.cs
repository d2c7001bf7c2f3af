using AnprExchange.Core.Hotlists;

namespace AnprExchange.Core.Index;

// Memory layout (per entry, 10M entries, 4096 shards): skeleton-hash slot 8 B + group start 4 B at load ≤ 0.8 (15 B),
// HotEntry attributes 16 B, record id 4 B: 35 B, per shard in one region carved from 2 MiB huge-page arenas
// (ShardArena, OffHeapBlock: native memory), so a full GC sees ~5k small owner objects, not gigabytes, and a random
// probe rarely misses the TLB. Slots are ordered by the hash's low 32 bits (ordered linear probing): a probe reads a
// 16-byte inline shard head (L2), then ~3 slots of one cache line, hit or miss.
// Cold, also native: an 88-byte RecordRow per entry version in 64 Ki-row chunks, UTF-8 texts in 1 MiB chunks, the
// writer's entry-id map. Wildcard patterns (few) stay managed in WildcardSet.

/// <summary>
/// The compact hotlist index: every list's entries (plates and wildcard patterns) keyed by the plate's OCR skeleton,
/// so exact and OCR-equivalent matches come out of one probe; one writer (replication) and any number of lock-free
/// readers. Readers take a <see cref="HotlistIndexView"/> (an immutable generation); the writer rebuilds only the
/// shards a batch touches and publishes a new generation with one volatile write, so a reader never sees a torn
/// entry and sees a batch whole or not at all. Deleted entries vanish from shards when those are rebuilt; dead cold
/// rows are reclaimed by <see cref="Compact()"/> (run automatically when they outnumber the live ones).
/// </summary>
public sealed partial class HotlistIndex
{
    public const int DefaultOcrTolerance = 1;
    public const int MaxOcrTolerance = 2;
    public const int DefaultShardBits = 12;

    private readonly Lock _writeGate = new();
    private readonly int _shardBits;
    private readonly Dictionary<HotlistId, ushort> _listIds = [];
    private readonly List<HotlistId> _lists = [];
    private HashSet<int> _patternIds = [];
    private byte[] _tolerances = [];
    private RecordStore _records = new();
    private EntryIdMap _entryIds = new();
    private readonly ShardArena _shardArena = new();
    private IndexGeneration _current;

    public HotlistIndex(int shardBits = DefaultShardBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardBits, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shardBits, 20);
        _shardBits = shardBits;
        var shards = new IndexShard[1 << shardBits];
        Array.Fill(shards, IndexShard.Empty);
        _current = new IndexGeneration(shards, ShardShift, WildcardSet.Empty, [], [], _records, 0, 0);
    }

    private int ShardShift => 64 - _shardBits;

    /// <summary>The current generation, for a reader: lookups and the resolution of their results.</summary>
    public HotlistIndexView Acquire() => new(Volatile.Read(ref _current));

    /// <summary>Live entries (plates and patterns).</summary>
    public int Count => Volatile.Read(ref _current).Count;

    /// <summary>Increases with every published batch.</summary>
    public long Version => Volatile.Read(ref _current).Version;

    /// <summary>Lookup on the current generation; resolve its results with a view taken before (see <see cref="Acquire"/>).</summary>
    public int Lookup(in PlateQuery query, Span<HotlistMatch> destination) => Volatile.Read(ref _current).Lookup(query, destination);

    public HotlistIndexMemory MeasureMemory()
    {
        lock (_writeGate)
        {
            var generation = _current;
            long table = 0, attributes = 0, ids = 0, shardBlocks = 0;
            foreach (var shard in generation.Shards.Distinct())
            {
                table += shard.SlotCount * 12L;
                attributes += shard.EntryCount * 16L;
                ids += shard.EntryCount * 4L;
                shardBlocks += shard.Bytes;
            }
            return new HotlistIndexMemory
            {
                Entries = generation.Count,
                TableBytes = table,
                AttributeBytes = attributes,
                RecordIdBytes = ids,
                RecordBytes = _records.AllocatedBytes,
                TextBytes = _records.Text.AllocatedBytes,
                EntryIdMapBytes = _entryIds.AllocatedBytes,
                WildcardBytes = generation.Wildcards.AllocatedBytes,
                OffHeapBytes = shardBlocks + _records.AllocatedBytes + _records.Text.AllocatedBytes + _entryIds.AllocatedBytes,
            };
        }
    }
}
