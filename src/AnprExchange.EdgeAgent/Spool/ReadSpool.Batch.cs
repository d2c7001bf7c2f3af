using System.Buffers.Binary;

namespace AnprExchange.EdgeAgent.Spool;

/// <summary>
/// Batches (<see cref="SpoolBatch"/>): room is reserved against the disk bound without the lock (one interlocked add
/// per 64 KiB), then the staged records are numbered, checksummed and written under one lock, with one write call.
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
    /// <see cref="Commit"/>, or per record under that policy), and empties the batch.
    /// </summary>
    public void Append(SpoolBatch batch)
    {
        if (batch.Count == 0)
        {
            Interlocked.Add(ref _reserved, -batch.Reset());
            return;
        }
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var records = batch.RecordsForAppend;
            var written = 0;
            var at = 0;
            while (at < records.Length)
            {
                var recordLength = SpoolRecordFormat.HeaderLength + (int)BinaryPrimitives.ReadUInt32LittleEndian(records[at..]);
                if (_active.Length > 0 && _active.Length + recordLength > _options.SegmentBytes)
                {
                    WriteRun(records[written..at]);
                    written = at;
                    Roll();
                }
                MarkActive(_nextSequence);
                var sequence = _nextSequence++;
                var record = records.Slice(at, recordLength);
                SpoolRecordFormat.WriteHeader(record, sequence, record[SpoolRecordFormat.HeaderLength..]);
                _active.Length += recordLength;
                _active.LastSequence = sequence;
                Volatile.Write(ref _totalBytes, _totalBytes + recordLength);
                at += recordLength;
                if (_options.FlushPolicy == SpoolFlushPolicy.PerRecord)
                {
                    WriteRun(records[written..at]);
                    written = at;
                    CommitLocked();
                }
            }
            WriteRun(records[written..]);
            Interlocked.Add(ref _reserved, -(records.Length + batch.Reset()));
        }
    }

    /// <summary>Writes staged records straight from the batch, after whatever single appends are still buffered.</summary>
    private void WriteRun(ReadOnlySpan<byte> run)
    {
        if (run.IsEmpty)
        {
            return;
        }
        WriteBuffered();
        RandomAccess.Write(_activeHandle, run, _activeWritten);
        _activeWritten += run.Length;
        _unsynced = true;
    }
}
