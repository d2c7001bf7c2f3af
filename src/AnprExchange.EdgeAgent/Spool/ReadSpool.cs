using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Win32.SafeHandles;

namespace AnprExchange.EdgeAgent.Spool;

/// <summary>
/// The durable spool: an append-only log of accepted reads in segment files, each record sequence-numbered and
/// CRC-checked (<see cref="SpoolRecordFormat"/>). Reads are appended by ingest, made durable by <see cref="Commit"/>,
/// read by the forwarder through a <see cref="SpoolCursor"/>, and released once Kafka has acknowledged them.
/// Thread-safe: appends and commits take one lock; cursors read files without it.
/// </summary>
public sealed partial class ReadSpool : IDisposable
{
    private readonly object _gate = new();
    private readonly SpoolOptions _options;
    private readonly ILogger _logger;
    private readonly List<SpoolSegment> _segments = [];
    private readonly ManualResetEventSlim _dataAvailable = new(false);
    private SpoolSegment _active = null!;
    private SafeFileHandle _activeHandle = null!;
    private long _activeWritten;
    private long _writtenSequence; // every record up to this one is in the file (maybe not yet synced)
    private long _nextSequence;
    private long _committedSequence;
    private long _released;
    private long _checkpointed;
    private long _totalBytes;
    private bool _disposed;

    public ReadSpool(SpoolOptions options, ILogger<ReadSpool>? logger = null)
    {
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        System.IO.Directory.CreateDirectory(options.Directory);
        Recover();
    }

    /// <summary>Sequence number the next appended record gets.</summary>
    public long NextSequence { get { lock (_gate) { return _nextSequence; } } }

    /// <summary>Every record up to and including this one is visible to cursors.</summary>
    public long CommittedSequence => Volatile.Read(ref _committedSequence);

    /// <summary>Every record below this one has been acknowledged by Kafka.</summary>
    public long ReleasedWatermark => Volatile.Read(ref _released);

    /// <summary>Records appended and not yet released.</summary>
    public long PendingCount { get { lock (_gate) { return _nextSequence - _released; } } }

    /// <summary>Bytes of all segment files.</summary>
    public long TotalBytes => Volatile.Read(ref _totalBytes);

    public int SegmentCount { get { lock (_gate) { return _segments.Count; } } }

    /// <summary>How many times the spool directory was fsynced after a segment file was created (for tests).</summary>
    internal int DirectorySyncs { get; private set; }

    /// <summary>Set by every commit that made records visible; the forwarder waits on it.</summary>
    public ManualResetEventSlim DataAvailable => _dataAvailable;

    /// <summary>Appends one record; not durable nor visible until <see cref="Commit"/> (or per-record policy).</summary>
    public SpoolAppendResult TryAppend(ReadOnlySpan<byte> payload, out long sequence)
    {
        if (payload.IsEmpty || payload.Length > SpoolRecordFormat.MaxPayloadLength)
        {
            throw new ArgumentOutOfRangeException(nameof(payload), payload.Length, "A spool record holds 1 byte to 64 KB.");
        }
        var recordLength = SpoolRecordFormat.HeaderLength + payload.Length;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_totalBytes - _activeReleasedBytes + Volatile.Read(ref _reserved) + recordLength > _options.MaxBytes)
            {
                sequence = 0;
                return SpoolAppendResult.Full;
            }
            if (_active.Length > 0 && _active.Length + recordLength > _options.SegmentBytes)
            {
                Roll();
            }
            MarkActive(_nextSequence);
            var destination = ChunkSpace(recordLength);
            sequence = _nextSequence++;
            SpoolRecordFormat.WriteUnsealedHeader(destination, sequence, payload.Length);
            payload.CopyTo(destination[SpoolRecordFormat.HeaderLength..]);
            Appended(sequence, recordLength);
            if (_options.FlushPolicy == SpoolFlushPolicy.PerRecord)
            {
                CommitLocked();
            }
            return SpoolAppendResult.Appended;
        }
    }

    /// <summary>
    /// Writes what was appended, fsyncs per policy, and makes it visible to cursors, on the calling thread and under
    /// the lock (appends wait); <see cref="CommitAsync"/> does the same without holding up appends.
    /// </summary>
    public void Commit()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                CommitLocked();
            }
        }
    }

    private void CommitLocked()
    {
        WritePendingLocked();
        if (_committedSequence >= _writtenSequence)
        {
            return;
        }
        if (_options.FlushPolicy != SpoolFlushPolicy.None)
        {
            RandomAccess.FlushToDisk(_activeHandle);
        }
        Publish(_active, _activeWritten, _writtenSequence);
    }

    /// <summary>Makes records up to <paramref name="sequence"/> (ending at <paramref name="length"/> of <paramref name="segment"/>) visible.</summary>
    private void Publish(SpoolSegment segment, long length, long sequence)
    {
        if (segment.CommittedLength < length)
        {
            segment.CommittedLength = length;
        }
        if (_committedSequence < sequence)
        {
            Volatile.Write(ref _committedSequence, sequence);
        }
        // Waiting requests are told by the committer thread, outside the lock.
        if (_commitWaiters.Count > 0)
        {
            Monitor.Pulse(_gate);
        }
        _dataAvailable.Set();
    }

    private void Roll()
    {
        CommitLocked();
        _active.Sealed = true;
        CutRecycledTail();
        _activeHandle.Dispose();
        OpenActive(new SpoolSegment(_options.Directory, _nextSequence), existingLength: 0);
        Log.SegmentRolled(_logger, _active.Path);
    }

    private void OpenActive(SpoolSegment segment, long existingLength)
    {
        var created = !File.Exists(segment.Path);
        var handle = created ? CreateSegmentFile(segment.Path) : File.OpenHandle(segment.Path, FileMode.Open, FileAccess.ReadWrite, SegmentShare);
        if (created && _options.FlushPolicy != SpoolFlushPolicy.None)
        {
            // The new file's directory entry must be durable before any record in it is acknowledged.
            try
            {
                DirectorySync.Flush(_options.Directory);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
            DirectorySyncs++;
        }
        _activeHandle = handle;
        _active = segment;
        _activeWritten = existingLength;
        ResetActiveMarks(existingLength);
        if (!_segments.Contains(segment))
        {
            _segments.Add(segment);
        }
    }

    private const FileShare SegmentShare = FileShare.ReadWrite | FileShare.Delete;

    /// <summary>
    /// A new segment file with its blocks allocated up front (its length stays what is written): appends then skip
    /// the file system's per-page block reservation, a good part of a write's CPU cost. Where that cannot be had (a
    /// nearly full disk), a plain file.
    /// </summary>
    private SafeFileHandle CreateSegmentFile(string path)
    {
        if (TryRecycleSpareLocked(path))
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, SegmentShare);
        }
        try
        {
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, SegmentShare, FileOptions.None, _options.SegmentBytes);
        }
        catch (IOException) when (!File.Exists(path))
        {
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, SegmentShare);
        }
    }

    /// <summary>A cursor that reads committed records from the released watermark on.</summary>
    public SpoolCursor OpenCursor() => new(this, ReleasedWatermark);

    /// <summary>The segment holding <paramref name="sequence"/>, or the first one after it.</summary>
    internal SpoolSegment? SegmentFor(long sequence)
    {
        lock (_gate)
        {
            for (var i = _segments.Count - 1; i >= 0; i--)
            {
                if (_segments[i].FirstSequence <= sequence)
                {
                    return _segments[i];
                }
            }
            return _segments.Count > 0 ? _segments[0] : null;
        }
    }

    /// <summary>True once <paramref name="segment"/> was released and taken out of the spool (its file retired).</summary>
    internal bool IsRetired(SpoolSegment segment)
    {
        lock (_gate)
        {
            return !_segments.Contains(segment);
        }
    }

    internal SpoolSegment? SegmentAfter(SpoolSegment segment)
    {
        lock (_gate)
        {
            var index = _segments.IndexOf(segment);
            if (index >= 0)
            {
                return index + 1 < _segments.Count ? _segments[index + 1] : null;
            }
            // Released and deleted under the cursor: continue with the oldest segment after it.
            return _segments.Find(s => s.FirstSequence > segment.FirstSequence);
        }
    }

    /// <summary>
    /// Every record below <paramref name="watermark"/> is acknowledged: segments made only of those are retired
    /// (kept as spares or deleted, ReadSpool.Spares.cs), which frees disk for new reads. The watermark is persisted by
    /// <see cref="SaveCheckpoint"/>. The files are retired outside the spool's lock: deleting a 64 MiB segment takes
    /// milliseconds, which every connection appending meanwhile would otherwise wait out.
    /// </summary>
    public void Release(long watermark)
    {
        List<SpoolSegment>? released;
        lock (_gate)
        {
            if (watermark <= _released)
            {
                return;
            }
            Volatile.Write(ref _released, Math.Min(watermark, _nextSequence));
            ReleaseActive();
            released = TakeReleasedSegmentsLocked();
        }
        RetireSegmentFiles(released);
    }

    /// <summary>Takes the sealed segments whose records are all released out of the list; null if there are none.</summary>
    private List<SpoolSegment>? TakeReleasedSegmentsLocked()
    {
        List<SpoolSegment>? released = null;
        while (_segments.Count > 1 && _segments[0].Sealed && _segments[0].LastSequence < _released)
        {
            (released ??= []).Add(_segments[0]);
            _segments.RemoveAt(0);
        }
        return released;
    }

    public void Dispose()
    {
        (List<ISpoolCommitListener> Committed, List<ISpoolCommitListener> Failed) left = default;
        try
        {
            // In the locks' order: a checkpoint writer may be between its two.
            lock (_checkpointGate)
            {
                lock (_gate)
                {
                    if (_disposed)
                    {
                        return;
                    }
                    try
                    {
                        CommitLocked();
                        CutRecycledTail();
                        WriteCheckpoint(_released);
                    }
                    finally
                    {
                        _activeHandle.Dispose();
                        _disposed = true;
                        left = StopCommitter();
                    }
                }
            }
        }
        finally
        {
            if (left is { Committed: { } committed, Failed: { } failed })
            {
                _committer?.Join();
                Notify(committed, failed, new ObjectDisposedException(nameof(ReadSpool)));
                _dataAvailable.Dispose();
            }
        }
    }
}
