namespace AnprExchange.Core.Index;

/// <summary>
/// Append-only rows in 64 Ki-row chunks of native memory (<see cref="OffHeapBlock"/>), addressed by record id. One
/// writer appends and marks rows dead; readers resolve ids of the generation they hold. Shards and the entry-id map
/// refer to rows by id. <see cref="HotlistIndex.Compact()"/> starts a fresh store when dead rows dominate.
/// </summary>
internal sealed unsafe class RecordStore
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;

    private OffHeapBlock[] _chunks = [];
    private int _chunkCount;
    private int _count;

    public TextStore Text { get; } = new();
    public int Count => _count;
    public int DeadCount { get; private set; }
    public int LiveCount => _count - DeadCount;
    public long AllocatedBytes => (long)_chunkCount * ChunkSize * sizeof(RecordRow);

    public ref RecordRow this[int id]
    {
        get
        {
            var chunks = Volatile.Read(ref _chunks);
            if ((uint)id >= (uint)Volatile.Read(ref _count))
            {
                ThrowUnknown(id);
            }
            return ref ((RecordRow*)chunks[id >> ChunkBits].Pointer)[id & (ChunkSize - 1)];
        }
    }

    public int Add(in RecordRow row)
    {
        var chunk = _count >> ChunkBits;
        if (chunk == _chunkCount)
        {
            if (chunk == _chunks.Length)
            {
                var grown = new OffHeapBlock[Math.Max(4, _chunks.Length * 2)];
                Array.Copy(_chunks, grown, _chunks.Length);
                Volatile.Write(ref _chunks, grown);
            }
            _chunks[chunk] = new OffHeapBlock((long)ChunkSize * sizeof(RecordRow));
            _chunkCount++;
        }
        ((RecordRow*)_chunks[chunk].Pointer)[_count & (ChunkSize - 1)] = row;
        return _count++;
    }

    /// <summary>Makes room for <paramref name="count"/> rows at once and returns the first id; the caller writes them
    /// (in parallel, through the indexer) before any generation refers to them.</summary>
    public int AddUninitialized(int count)
    {
        var first = _count;
        var end = (long)first + count;
        if (end > int.MaxValue)
        {
            throw new InvalidOperationException($"the record store holds at most {int.MaxValue:N0} rows");
        }
        var chunksNeeded = (int)((end + ChunkSize - 1) >> ChunkBits);
        if (chunksNeeded > _chunks.Length)
        {
            var grown = new OffHeapBlock[Math.Max(chunksNeeded, _chunks.Length * 2)];
            Array.Copy(_chunks, grown, _chunkCount);
            Volatile.Write(ref _chunks, grown);
        }
        while (_chunkCount < chunksNeeded)
        {
            _chunks[_chunkCount++] = new OffHeapBlock((long)ChunkSize * sizeof(RecordRow));
        }
        _count = (int)end;
        return first;
    }

    public void MarkDead(int id)
    {
        ref var row = ref this[id];
        if (!row.Dead)
        {
            row.Dead = true;
            DeadCount++;
        }
    }

    private static void ThrowUnknown(int id) => throw new ArgumentOutOfRangeException(nameof(id), id, "no such record");
}
