using Microsoft.Win32.SafeHandles;

namespace AnprExchange.EdgeAgent.Spool;

/// <summary>
/// Appended records wait in chunks (1 MiB buffers, or a large batch's own buffer) until a commit writes them.
/// Appenders number the records and copy them in (or hand their buffer over) under the lock, which is all it covers; the writer (the committer thread, or a synchronous commit) checksums
/// and writes the chunks, the committer outside the lock. Chunks are written in order, by one writer at a time: a
/// synchronous writer waits while the committer has chunks out (<see cref="_writing"/>).
/// </summary>
public sealed partial class ReadSpool
{
    private const int ChunkBytes = 1024 * 1024;

    // Beyond this many bytes waiting, an appender writes them itself: the disk sets the pace, memory stays bounded.
    private const long MaxPendingBytes = 16 * 1024 * 1024;

    // Written chunks' buffers are kept for reuse up to as many bytes (they are large objects: allocating them costs a GC).
    private const long MaxFreeBytes = MaxPendingBytes;

    private readonly List<Chunk> _pending = [];
    private readonly Stack<byte[]> _freeChunks = new();
    private readonly Stack<byte[]> _freeBatchBuffers = new();
    private long _freeChunkBytes;
    private byte[] _open = new byte[ChunkBytes];
    private int _openLength;
    private long _openLastSequence;
    private bool _writing;

    /// <summary>Bytes appended and not yet taken by a writer. Under the lock.</summary>
    private long PendingBytes => _pendingChunkBytes + _openLength;

    private long _pendingChunkBytes;

    /// <summary>Records of the active segment, numbered and back to back, CRCs not yet computed.</summary>
    private readonly record struct Chunk(byte[] Buffer, int Length, long LastSequence);

    /// <summary>Room for one record at the end of the open chunk (under the lock); call <see cref="Appended"/> after filling it.</summary>
    private Span<byte> ChunkSpace(int recordLength)
    {
        if (_openLength + recordLength > _open.Length)
        {
            CloseOpenChunk();
            if (_pendingChunkBytes >= MaxPendingBytes)
            {
                WritePendingLocked();
            }
        }
        return _open.AsSpan(_openLength, recordLength);
    }

    /// <summary>Books a record written into <see cref="ChunkSpace"/>.</summary>
    private void Appended(long sequence, int recordLength)
    {
        _openLength += recordLength;
        _openLastSequence = sequence;
        _active.Length += recordLength;
        _active.LastSequence = sequence;
        Volatile.Write(ref _totalBytes, _totalBytes + recordLength);
    }

    private void CloseOpenChunk()
    {
        if (_openLength == 0)
        {
            return;
        }
        _pending.Add(new Chunk(_open, _openLength, _openLastSequence));
        _pendingChunkBytes += _openLength;
        _open = TakeChunkBuffer();
        _openLength = 0;
    }

    /// <summary>A written chunk's buffer for the open chunk, or a new one.</summary>
    private byte[] TakeChunkBuffer() => TakeFree(_freeChunks) ?? new byte[ChunkBytes];

    /// <summary>A buffer handed over by an earlier batch, for the batch handing over its own (null if none is free).</summary>
    private byte[]? TakeBatchBuffer() => TakeFree(_freeBatchBuffers);

    private byte[]? TakeFree(Stack<byte[]> pool)
    {
        if (!pool.TryPop(out var free))
        {
            return null;
        }
        _freeChunkBytes -= free.Length;
        return free;
    }

    /// <summary>A written chunk's buffer goes back to the pool of its kind: open chunks' or batches' (their sizes differ).</summary>
    private void Recycle(byte[] chunk)
    {
        if (_freeChunkBytes + chunk.Length <= MaxFreeBytes)
        {
            (chunk.Length == ChunkBytes ? _freeChunks : _freeBatchBuffers).Push(chunk);
            _freeChunkBytes += chunk.Length;
        }
    }

    /// <summary>
    /// Under the lock, on this thread: waits for the committer's chunks, then checksums and writes every record
    /// appended so far. A chunk whose write fails stays pending, with those after it, for the next writer.
    /// </summary>
    private void WritePendingLocked()
    {
        while (_writing)
        {
            Monitor.Wait(_gate);
        }
        CloseOpenChunk();
        while (_pending.Count > 0)
        {
            var chunk = _pending[0];
            WriteChunk(_activeHandle, chunk, _activeWritten);
            _pending.RemoveAt(0);
            _pendingChunkBytes -= chunk.Length;
            _activeWritten += chunk.Length;
            _writtenSequence = chunk.LastSequence;
            Recycle(chunk.Buffer);
        }
    }

    /// <summary>Computes each record's CRC in place and writes the chunk at <paramref name="offset"/>.</summary>
    private static void WriteChunk(SafeFileHandle handle, Chunk chunk, long offset)
    {
        var records = chunk.Buffer.AsSpan(0, chunk.Length);
        SpoolRecordFormat.SealAll(records);
        RandomAccess.Write(handle, records, offset);
    }
}
