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
                AppendLocked(batch.Records);
            }
        }
        finally
        {
            // Appended records now count in the segments' bytes; their reservation and any unused room go back.
            Interlocked.Add(ref _reserved, -batch.Reset());
        }
    }

    private void AppendLocked(Span<byte> records)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
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
}
