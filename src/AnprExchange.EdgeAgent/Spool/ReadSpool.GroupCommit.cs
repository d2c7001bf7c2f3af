using Microsoft.Win32.SafeHandles;

namespace AnprExchange.EdgeAgent.Spool;

/// <summary>
/// Group commit. <see cref="CommitAsync"/> asks for every record appended so far to be made durable and returns at
/// once. One committer thread takes the pending chunks, then checksums, writes and fsyncs them outside the lock, so
/// connections go on parsing and appending meanwhile, and one fsync covers every request made before it began.
/// Requests complete in sequence order, each only after an fsync that began once its records were written.
/// </summary>
public sealed partial class ReadSpool
{
    private readonly Queue<(long Sequence, TaskCompletionSource Done)> _commitWaiters = new();
    private Thread? _committer;

    /// <summary>How many fsyncs the committer has done (for tests: requests made during one share the next).</summary>
    internal int GroupCommits { get; private set; }

    /// <summary>
    /// Completes once every record appended before the call is durable (per policy) and visible to cursors; faults
    /// if writing or syncing them failed, in which case none of them may be acknowledged.
    /// </summary>
    public Task CommitAsync()
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var target = _nextSequence - 1;
            if (target <= _committedSequence)
            {
                return Task.CompletedTask;
            }
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _commitWaiters.Enqueue((target, done));
            if (_committer is null)
            {
                _committer = new Thread(RunCommitter) { IsBackground = true, Name = "spool-committer" };
                _committer.Start();
            }
            Monitor.Pulse(_gate);
        }
        return done.Task;
    }

    private void RunCommitter()
    {
        var taken = new List<Chunk>();
        while (true)
        {
            SafeFileHandle handle;
            SpoolSegment segment;
            long offset;
            var added = false;
            lock (_gate)
            {
                while (_commitWaiters.Count == 0 && !_disposed)
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
                    CompleteCommitWaiters();
                    continue;
                }
                taken.AddRange(_pending);
                _pending.Clear();
                segment = _active;
                offset = _activeWritten;
                handle = _activeHandle;
                // A roll waits for this writer, but Dispose may close the handle: the reference keeps it open until done.
                handle.DangerousAddRef(ref added);
                _writing = true;
            }
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
                _pending.InsertRange(0, taken.Skip(written));
                taken.Clear();
                if (failure is null)
                {
                    Publish(segment, length, _writtenSequence);
                }
                else
                {
                    Log.CommitFailed(_logger, failure);
                    FailCommitWaiters(failure, upTo: _nextSequence - 1);
                }
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Completes the requests whose records are all committed. Under the lock.</summary>
    private void CompleteCommitWaiters()
    {
        while (_commitWaiters.TryPeek(out var waiter) && waiter.Sequence <= _committedSequence)
        {
            _commitWaiters.Dequeue();
            waiter.Done.TrySetResult();
        }
    }

    private void FailCommitWaiters(Exception failure, long upTo = long.MaxValue)
    {
        while (_commitWaiters.TryPeek(out var waiter) && waiter.Sequence <= upTo)
        {
            _commitWaiters.Dequeue();
            waiter.Done.TrySetException(failure);
        }
    }

    /// <summary>On dispose (under the lock, after the last commit): wakes the committer to exit; fails what is left.</summary>
    private void StopCommitter()
    {
        CompleteCommitWaiters();
        FailCommitWaiters(new ObjectDisposedException(nameof(ReadSpool)));
        Monitor.PulseAll(_gate);
    }
}
