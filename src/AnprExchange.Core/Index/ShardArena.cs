namespace AnprExchange.Core.Index;

/// <summary>
/// Carves shard blocks out of large native blocks (up to 32 MiB, 2 MiB huge pages) instead of one allocation per shard:
/// a probe into a 10M-entry table then lands in a few hundred huge pages, not ~90k small ones, so it rarely misses the
/// TLB (a page walk under virtualisation costs as much as the cache miss itself). Each shard keeps its arena block
/// alive; the block is freed when the last shard carved from it is gone. Arenas grow from 256 KiB so a small index
/// stays small.
/// </summary>
internal sealed unsafe class ShardArena
{
    private const long FirstArena = 256 << 10;
    private const long LargestArena = 32 << 20;

    private readonly Lock _gate = new();
    private OffHeapBlock? _current;
    private long _used;
    private long _next = FirstArena;

    /// <summary>A zeroed, 64-byte aligned region of <paramref name="bytes"/> and the block that owns it.</summary>
    public (OffHeapBlock Block, IntPtr At) Carve(long bytes)
    {
        bytes = (bytes + 63) & ~63L;
        OffHeapBlock block;
        byte* at;
        lock (_gate)
        {
            if (_current is null || _used + bytes > _current.Length)
            {
                if (bytes > LargestArena / 4)
                {
                    var own = new OffHeapBlock(bytes).Zeroed(); // a huge shard: a block of its own, no waste
                    return (own, (IntPtr)own.Pointer);
                }
                _current = new OffHeapBlock(_next);
                _used = 0;
                _next = Math.Min(_next * 2, LargestArena);
            }
            block = _current;
            at = _current.Pointer + _used;
            _used += bytes;
        }
        new Span<byte>(at, (int)bytes).Clear(); // outside the lock: parallel shard builds fault their pages in together
        return (block, (IntPtr)at);
    }
}
