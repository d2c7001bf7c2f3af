namespace AnprExchange.Core.Index;

/// <summary>
/// Append-only rows in 64 Ki-row chunks of structs (no references inside), addressed by record id. One writer
/// appends and marks rows dead; readers resolve ids of the generation they hold. Shards and the entry-id map refer to
/// rows by id. <see cref="HotlistIndex.Compact()"/> starts a fresh store when dead rows dominate.
/// </summary>
internal sealed class RecordStore
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;

    private RecordRow[][] _chunks = [];
    private int _count;

    public TextStore Text { get; } = new();
    public int Count => _count;
    public int DeadCount { get; private set; }
    public int LiveCount => _count - DeadCount;
    public long AllocatedBytes => (long)_chunks.Count(c => c is not null) * ChunkSize * System.Runtime.CompilerServices.Unsafe.SizeOf<RecordRow>();

    public ref RecordRow this[int id]
    {
        get
        {
            var chunks = Volatile.Read(ref _chunks);
            return ref chunks[id >> ChunkBits][id & (ChunkSize - 1)];
        }
    }

    public int Add(in RecordRow row)
    {
        var chunk = _count >> ChunkBits;
        if (chunk == _chunks.Length || _chunks[chunk] is null)
        {
            if (chunk == _chunks.Length)
            {
                var grown = new RecordRow[Math.Max(4, _chunks.Length * 2)][];
                Array.Copy(_chunks, grown, _chunks.Length);
                Volatile.Write(ref _chunks, grown);
            }
            _chunks[chunk] = new RecordRow[ChunkSize];
        }
        _chunks[chunk][_count & (ChunkSize - 1)] = row;
        return _count++;
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
}
