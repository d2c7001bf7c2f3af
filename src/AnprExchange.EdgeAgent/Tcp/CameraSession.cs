using System.Buffers;
using System.IO.Pipelines;
using AnprExchange.EdgeAgent.Ingest;
using AnprExchange.EdgeAgent.Spool;

namespace AnprExchange.EdgeAgent.Tcp;

/// <summary>
/// One camera connection, in one loop. It parses each batch the socket delivered (at most <see cref="SliceBytes"/> of
/// the pipe at a time), appends its reads to the spool and asks for a group commit (<see cref="ReadSpool.RequestCommit"/>),
/// then goes on with the next batch at once, so one batch's fsync overlaps the parsing of the next. Each batch's
/// reply lines wait, in order, until the spool's committed sequence reaches that batch; they are sent between
/// batches, or when the committer wakes the loop (it cancels the pending read) while the camera sends nothing. An
/// <c>ok</c> thus still means the read is durable, and a busy connection takes no thread hop per batch. At most
/// <see cref="MaxBatchesInFlight"/> batches wait for their commit; then the loop stops reading the socket.
/// </summary>
public sealed class CameraSession : ISpoolCommitListener
{
    public const int MaxBatchesInFlight = 16;

    /// <summary>Most bytes parsed per batch (more than a line may hold, so every slice ends at least one line).</summary>
    public const int SliceBytes = 256 * 1024;

    private readonly ReadLineProcessor _processor;
    private readonly ReadSpool _spool;
    private readonly long _sliceBytes;
    private readonly Queue<(long Sequence, ArrayBufferWriter<byte> Replies)> _waiting = new();
    private readonly Stack<ArrayBufferWriter<byte>> _freeReplies = new();

    // Set (count 1) by commit notifications: what the loop waits on when it is not reading the socket.
    private readonly SemaphoreSlim _commits = new(0);
    private PipeReader? _input;
    private long _lastSequence;
    private volatile Exception? _failure;

    public CameraSession(ReadLineProcessor processor, ReadSpool spool, int maxLineBytes)
    {
        _processor = processor;
        _spool = spool;
        _sliceBytes = Math.Max(SliceBytes, 2L * maxLineBytes);
    }

    /// <summary>Runs until the camera closes its side (replies to everything received are sent first) or the connection ends.</summary>
    public async Task RunAsync(PipeReader input, PipeWriter output, CancellationToken closed)
    {
        _input = input;
        var received = false;
        while (true)
        {
            if (!await SendCommittedRepliesAsync(output, closed))
            {
                return;
            }
            if (_failure is { } failure)
            {
                throw new IOException("The spool could not commit this connection's reads; the camera resends them.", failure);
            }
            if (received || _waiting.Count >= MaxBatchesInFlight)
            {
                if (received && _waiting.Count == 0)
                {
                    return;
                }
                await _commits.WaitAsync(closed);
                continue;
            }
            received = await ReceiveAsync(input, closed);
        }
    }

    /// <summary>Parses one slice of what the socket delivered; true once the camera has closed its side and all is parsed.</summary>
    private async ValueTask<bool> ReceiveAsync(PipeReader input, CancellationToken closed)
    {
        var result = await input.ReadAsync(closed);
        var buffer = result.Buffer;
        // A line across the cut is taken whole with the next slice.
        var whole = buffer.Length <= _sliceBytes;
        var slice = whole ? buffer : buffer.Slice(0, _sliceBytes);
        var consumed = slice.Start;
        var replies = _freeReplies.TryPop(out var free) ? free : new ArrayBufferWriter<byte>(16 * 1024);
        replies.ResetWrittenCount();
        var appended = 0;
        try
        {
            consumed = _processor.Process(slice, result.IsCompleted && whole, replies, out appended);
        }
        finally
        {
            // Unless all of it was seen, the rest is read again at once rather than waiting for more bytes.
            input.AdvanceTo(consumed, whole ? buffer.End : consumed);
        }
        if (replies.WrittenCount == 0)
        {
            _freeReplies.Push(replies);
        }
        else
        {
            // Replies of a batch without reads (all refused) still wait for the batches before them.
            if (appended > 0)
            {
                _spool.RequestCommit(this, out _lastSequence);
            }
            _waiting.Enqueue((_lastSequence, replies));
        }
        return result.IsCompleted && whole;
    }

    /// <summary>Sends the replies of every batch now committed, in order; false if the camera stopped reading them.</summary>
    private async ValueTask<bool> SendCommittedRepliesAsync(PipeWriter output, CancellationToken closed)
    {
        var committed = _spool.CommittedSequence;
        var sent = false;
        while (_waiting.TryPeek(out var batch) && batch.Sequence <= committed)
        {
            _waiting.Dequeue();
            output.Write(batch.Replies.WrittenSpan);
            _freeReplies.Push(batch.Replies);
            sent = true;
        }
        if (!sent)
        {
            return true;
        }
        var flush = await output.FlushAsync(closed);
        return !flush.IsCompleted && !flush.IsCanceled;
    }

    void ISpoolCommitListener.Committed() => Wake();

    void ISpoolCommitListener.CommitFailed(Exception failure)
    {
        _failure = failure;
        Wake();
    }

    private void Wake()
    {
        // Only the committer thread wakes the loop: a count of one is enough, and it cannot grow without bound.
        if (_commits.CurrentCount == 0)
        {
            _commits.Release();
        }
        try
        {
            // A pending read returns (canceled) so that the loop sends the replies; without one, the next read does.
            _input?.CancelPendingRead();
        }
        catch (Exception)
        {
            // The connection is gone; this runs on the spool's committer thread, which must not fail for it.
        }
    }
}
