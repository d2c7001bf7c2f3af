using System.Buffers;
using System.Collections.Concurrent;

namespace AnprExchange.Benchmarks.EdgeAgent;

/// <summary>
/// 4 KB blocks kept for reuse, as Kestrel's transport pool keeps them (PinnedBlockMemoryPool): the Pipe in the
/// benchmark then allocates nothing per batch, like the real socket pipe. Blocks are rented by the writer and returned
/// by the reader, on different threads.
/// </summary>
internal sealed class BlockPool : MemoryPool<byte>
{
    public const int BlockSize = 4096;

    private readonly ConcurrentQueue<Block> _free = new();

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        if (minBufferSize > BlockSize)
        {
            throw new ArgumentOutOfRangeException(nameof(minBufferSize), minBufferSize, "Blocks are 4 KB.");
        }
        return _free.TryDequeue(out var block) ? block : new Block(this);
    }

    protected override void Dispose(bool disposing) => _free.Clear();

    private sealed class Block(BlockPool pool) : IMemoryOwner<byte>
    {
        private readonly byte[] _array = new byte[BlockSize];

        public Memory<byte> Memory => _array;

        public void Dispose() => pool._free.Enqueue(this);
    }
}
