using System.Buffers.Binary;

namespace AnprExchange.EdgeAgent.Spool;

/// <summary>
/// Batches (<see cref="SpoolBatch"/>): room is reserved against the disk bound without the lock (one interlocked add
/// per 64 KiB), then the staged records are numbered and copied into the spool's chunks under one lock; the commit
/// that writes them computes their CRCs.
/// </summary>
public sealed partial class ReadSpool
{
    private long _reserved;

    // Smaller batches (a camera sending slowly) are copied into the open chunk: one write call covers many of them.
    private const int HandOverBytes = 32 * 1024;

    /// <summary>Reserves <paramref name="bytes"/> of the disk bound for a batch; false when they do not fit.</summary>
    internal bool TryReserve(long bytes)
    {
        var reserved = Interlocked.Add(ref _reserved, bytes);
        if (Volatile.Read(ref _totalBytes) - Volatile.Read(ref _activeReleasedBytes) + reserved > _options.MaxBytes)
        {
            Interlocked.Add(ref _reserved, -bytes);
            return false;
        }
        return true;
    }

    /// <summary>
    /// Appends every record staged in <paramref name="batch"/>, in order (not durable nor visible until
    /// <see cref="Commit"/>, or per record under that policy), and empties the batch. The records go into the same
    /// chunks as single appends, so a failed write is retried by the next one, as for those.
    /// </summary>
    public void Append(SpoolBatch batch)
    {
        try
        {
            if (batch.Count > 0)
            {
                AppendLocked(batch);
            }
        }
        finally
        {
            // Appended records now count in the segments' bytes; their reservation and any unused room go back.
            Interlocked.Add(ref _reserved, -batch.Reset());
        }
    }

    private void AppendLocked(SpoolBatch batch)
    {
        var records = batch.Records;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (records.Length >= HandOverBytes && _active.Length + records.Length <= _options.SegmentBytes && _options.FlushPolicy != SpoolFlushPolicy.PerRecord)
            {
                HandOver(batch, records);
                return;
            }
            var at = 0;
            while (at < records.Length)
            {
                var recordLength = SpoolRecordFormat.HeaderLength + (int)BinaryPrimitives.ReadUInt32LittleEndian(records[at..]);
                if (_active.Length > 0 && _active.Length + recordLength > _options.SegmentBytes)
                {
                    Roll();
                }
                MarkActive(_nextSequence);
                var destination = ChunkSpace(recordLength);
                var sequence = _nextSequence++;
                var record = records.Slice(at, recordLength);
                SpoolRecordFormat.WriteUnsealedHeader(record, sequence, recordLength - SpoolRecordFormat.HeaderLength);
                record.CopyTo(destination);
                Appended(sequence, recordLength);
                at += recordLength;
                if (_options.FlushPolicy == SpoolFlushPolicy.PerRecord)
                {
                    CommitLocked();
                }
            }
        }
    }

    /// <summary>
    /// A large batch that fits in the active segment is not copied: its records are numbered in place and its buffer
    /// becomes a pending chunk, the batch taking a written batch's buffer in exchange.
    /// </summary>
    private void HandOver(SpoolBatch batch, Span<byte> records)
    {
        var sequence = _nextSequence - 1;
        var at = 0;
        while (at < records.Length)
        {
            var recordLength = SpoolRecordFormat.HeaderLength + (int)BinaryPrimitives.ReadUInt32LittleEndian(records[at..]);
            MarkActive(sequence + 1);
            SpoolRecordFormat.WriteUnsealedHeader(records[at..], ++sequence, recordLength - SpoolRecordFormat.HeaderLength);
            _active.Length += recordLength;
            at += recordLength;
        }
        _nextSequence = sequence + 1;
        _active.LastSequence = sequence;
        Volatile.Write(ref _totalBytes, _totalBytes + records.Length);
        // Records appended one by one before this batch are written before it.
        CloseOpenChunk();
        _pending.Add(new Chunk(batch.Exchange(TakeBatchBuffer()), records.Length, sequence));
        _pendingChunkBytes += records.Length;
        if (_pendingChunkBytes >= MaxPendingBytes)
        {
            WaitForRoomLocked();
        }
    }
}
