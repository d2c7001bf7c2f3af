using Microsoft.Win32.SafeHandles;

namespace AnprExchange.EdgeAgent.Spool;

/// <summary>
/// Group commit. <see cref="CommitAsync"/> asks for every record appended so far to be made durable and returns at
/// once. One committer thread takes the pending chunks, then checksums, writes and fsyncs them outside the lock, so
/// connections go on parsing and appending meanwhile, and one fsync covers every request made before it began.
/// Requests complete in sequence order, each only after an fsync that began once its records were written; their
/// listeners are told on the committer thread, outside the lock. A synchronous <see cref="Commit"/> publishes what it
/// committed and wakes the committer to tell the waiting listeners.
/// The committer does not wait to gather more: under load, what arrives during one fsync is the next group, so groups
/// grow with the disk's latency by themselves. (A timed wait for 1 MiB, woken by each request, was tried: on two cores
/// it cost 5–15% of the ingest rate and more CPU per read than the extra fsyncs it saved.)
/// </summary>
public sealed partial class ReadSpool
{
    private readonly Queue<(long Sequence, ISpoolCommitListener Listener)> _commitWaiters = new();
    private Thread? _committer;
    private int _waitingForRoom;
    private int _writeFailures;
    private Exception? _lastWriteFailure;

    /// <summary>How many fsyncs the committer has done (for tests: requests made during one share the next).</summary>
    internal int GroupCommits { get; private set; }

    /// <summary>
    /// Completes once every record appended before the call is durable (per policy) and visible to cursors; faults
    /// if writing or syncing them failed, in which case none of them may be acknowledged.
    /// </summary>
    public Task CommitAsync()
    {
        var completion = new CommitCompletion();
        return RequestCommit(completion, out _) ? completion.Task : Task.CompletedTask;
    }

    /// <summary>
    /// Asks for every record appended so far (up to <paramref name="sequence"/>) to be committed; false if they already
    /// are. Otherwise <paramref name="listener"/> is told once they are (<see cref="CommittedSequence"/> has reached
    /// <paramref name="sequence"/>), or that the commit failed. Allocates nothing.
    /// </summary>
    public bool RequestCommit(ISpoolCommitListener listener, out long sequence)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            sequence = _nextSequence - 1;
            if (sequence <= _committedSequence)
            {
                return false;
            }
            _commitWaiters.Enqueue((sequence, listener));
            if (_committer is null)
            {
                _committer = new Thread(RunCommitter) { IsBackground = true, Name = "spool-committer" };
                _committer.Start();
            }
            Monitor.Pulse(_gate);
            return true;
        }
    }

    private void RunCommitter()
    {
        var taken = new List<Chunk>();
        var committed = new List<ISpoolCommitListener>();
        var failed = new List<ISpoolCommitListener>();
        while (true)
        {
            SafeFileHandle handle;
            SpoolSegment segment;
            long offset;
            var added = false;
            lock (_gate)
            {
                // Requests to commit, or a connection waiting for the pending chunks to be taken (WaitForRoomLocked).
                while (_commitWaiters.Count == 0 && _waitingForRoom == 0 && !_disposed)
                {
                    Monitor.Wait(_gate);
                }
                if (_disposed)
                {
                    return;
                }
                CloseOpenChunk();
                if (_pending.Count == 0 && _writtenSequence <= _committedSequence)
                {
                    // A synchronous commit got there first.
                    TakeCommitted(committed);
                }
                else
                {
                    taken.AddRange(_pending);
                    _pending.Clear();
                    _pendingChunkBytes = 0;
                    if (_waitingForRoom > 0)
                    {
                        // Their room is here now: they go on while this thread writes.
                        Monitor.PulseAll(_gate);
                    }
                    segment = _active;
                    offset = _activeWritten;
                    handle = _activeHandle;
                    // A roll waits for this writer, but Dispose may close the handle: the reference keeps it open until done.
                    handle.DangerousAddRef(ref added);
                    _writing = true;
                    goto write;
                }
            }
            Notify(committed, failed, null);
            continue;

        write:
            var written = 0;
            var length = offset;
            Exception? failure = null;
            try
            {
                foreach (var chunk in taken)
                {
                    WriteChunk(handle, chunk, length);
                    length += chunk.Length;
                    written++;
                }
                if (_options.FlushPolicy != SpoolFlushPolicy.None)
                {
                    RandomAccess.FlushToDisk(handle);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failure = e;
            }
            finally
            {
                if (added)
                {
                    handle.DangerousRelease();
                }
            }
            lock (_gate)
            {
                GroupCommits++;
                _writing = false;
                for (var i = 0; i < written; i++)
                {
                    _writtenSequence = taken[i].LastSequence;
                    Recycle(taken[i].Buffer);
                }
                _activeWritten = length;
                // Chunks not written go back in front of newer ones, for the next writer to retry.
                for (var i = taken.Count - 1; i >= written; i--)
                {
                    _pending.Insert(0, taken[i]);
                    _pendingChunkBytes += taken[i].Length;
                }
                taken.Clear();
                if (failure is null)
                {
                    Publish(segment, length, _writtenSequence);
                    TakeCommitted(committed);
                }
                else
                {
                    Log.CommitFailed(_logger, failure);
                    TakeAll(failed);
                    _writeFailures++;
                    _lastWriteFailure = failure;
                }
                Monitor.PulseAll(_gate);
            }
            Notify(committed, failed, failure);
        }
    }

    /// <summary>
    /// Back-pressure on connections that append faster than the disk takes records, once the pending chunks reach
    /// <see cref="MaxPendingBytes"/>. Under the lock, after a hand-over (nothing of this append is left to do): with a
    /// committer running, waits until it has taken the pending chunks; it writes them on its own thread while this
    /// connection goes on. (Writing them here instead put the CRC and write(2) work of up to 16 MiB on the connection's
    /// thread after waiting for the committer's fsync anyway.) Without a committer, writes them here. Throws if a
    /// write failed meanwhile: the connection closes and its camera resends what got no reply.
    /// </summary>
    private void WaitForRoomLocked()
    {
        if (_committer is null)
        {
            WritePendingLocked();
            return;
        }
        var failures = _writeFailures;
        _waitingForRoom++;
        try
        {
            Monitor.PulseAll(_gate);
            while (_pendingChunkBytes >= MaxPendingBytes && _writeFailures == failures && !_disposed)
            {
                Monitor.Wait(_gate);
            }
        }
        finally
        {
            _waitingForRoom--;
        }
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writeFailures != failures)
        {
            throw new IOException("The spool could not write its pending records.", _lastWriteFailure);
        }
    }

    /// <summary>Takes the requests whose records are all committed. Under the lock.</summary>
    private void TakeCommitted(List<ISpoolCommitListener> into)
    {
        while (_commitWaiters.TryPeek(out var waiter) && waiter.Sequence <= _committedSequence)
        {
            into.Add(_commitWaiters.Dequeue().Listener);
        }
    }

    private void TakeAll(List<ISpoolCommitListener> into)
    {
        while (_commitWaiters.TryDequeue(out var waiter))
        {
            into.Add(waiter.Listener);
        }
    }

    /// <summary>Tells the listeners, outside the lock (one may well call back into the spool), and empties the lists.</summary>
    private static void Notify(List<ISpoolCommitListener> committed, List<ISpoolCommitListener> failed, Exception? failure)
    {
        foreach (var listener in committed)
        {
            listener.Committed();
        }
        foreach (var listener in failed)
        {
            listener.CommitFailed(failure!);
        }
        committed.Clear();
        failed.Clear();
    }

    /// <summary>On dispose (under the lock, after the last commit): wakes the committer to exit; returns what is left to tell.</summary>
    private (List<ISpoolCommitListener> Committed, List<ISpoolCommitListener> Failed) StopCommitter()
    {
        var committed = new List<ISpoolCommitListener>();
        var failed = new List<ISpoolCommitListener>();
        TakeCommitted(committed);
        TakeAll(failed);
        Monitor.PulseAll(_gate);
        return (committed, failed);
    }

    private sealed class CommitCompletion() : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), ISpoolCommitListener
    {
        public void Committed() => TrySetResult();

        public void CommitFailed(Exception failure) => TrySetException(failure);
    }
}
