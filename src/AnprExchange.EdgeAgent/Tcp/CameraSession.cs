using System.Buffers;
using System.IO.Pipelines;
using AnprExchange.EdgeAgent.Ingest;
using AnprExchange.EdgeAgent.Spool;

namespace AnprExchange.EdgeAgent.Tcp;

/// <summary>
/// One camera connection, in one loop. It parses each batch the socket delivered (at most <see cref="SliceBytes"/> of
/// the pipe at a time), appends its reads to the spool and asks for a group commit (<see cref="ReadSpool.RequestCommit"/>),
/// then goes on with the next batch at once, so one batch's fsync overlaps the parsing of the next. Reply lines
/// collect in a buffer tagged with the last sequence they need committed; at <see cref="ReplyBlockBytes"/> it is
/// closed and queued, and blocks are sent in order once the spool's committed sequence reaches them: between batches,
/// or when the committer wakes the loop (it cancels the pending read) while the camera sends nothing. An <c>ok</c> thus
/// still means the read is durable, and a busy connection takes no thread hop per batch. With
/// <see cref="MaxBlocksAwaitingCommit"/> blocks queued the loop stops reading the socket until a commit completes.
/// </summary>
public sealed class CameraSession : ISpoolCommitListener
{
    /// <summary>Reply bytes per block (~4,000 replies): bounds how long a reply may wait behind later reads.</summary>
    public const int ReplyBlockBytes = 64 * 1024;

    public const int MaxBlocksAwaitingCommit = 16;

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
    private ArrayBufferWriter<byte>? _collecting;
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
            // The loop's only awaits are here, in this method's one state machine: nothing is allocated per batch.
            if (WriteCommittedReplies(output))
            {
                var flush = await output.FlushAsync(closed);
                if (flush.IsCompleted || flush.IsCanceled)
                {
                    // The camera stopped reading replies: stop taking its reads.
                    return;
                }
            }
            if (_failure is { } failure)
            {
                throw new IOException("The spool could not commit this connection's reads; the camera resends them.", failure);
            }
            if (received || _waiting.Count >= MaxBlocksAwaitingCommit)
            {
                if (received && _waiting.Count == 0 && _collecting is null)
                {
                    return;
                }
                await _commits.WaitAsync(closed);
                continue;
            }
            if (!input.TryRead(out var result))
            {
                result = await input.ReadAsync(closed);
            }
            received = Receive(input, result);
        }
    }

    /// <summary>Parses one slice of what the socket delivered; true once the camera has closed its side and all is parsed.</summary>
    private bool Receive(PipeReader input, in ReadResult result)
    {
        var buffer = result.Buffer;
        // A line across the cut is taken whole with the next slice.
        var whole = buffer.Length <= _sliceBytes;
        var slice = whole ? buffer : buffer.Slice(0, _sliceBytes);
        var consumed = slice.Start;
        var replies = _collecting ?? RentReplies();
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
        if (appended > 0)
        {
            // Replies of reads refused since (no sequence of their own) wait for this too: their order is kept.
            _spool.RequestCommit(this, out _lastSequence);
        }
        if (replies.WrittenCount == 0)
        {
            _freeReplies.Push(replies);
            _collecting = null;
        }
        else if (replies.WrittenCount >= ReplyBlockBytes)
        {
            _waiting.Enqueue((_lastSequence, replies));
            _collecting = null;
        }
        else
        {
            _collecting = replies;
        }
        return result.IsCompleted && whole;
    }

    /// <summary>Writes every reply block now committed, in order; true if any was written (then flush).</summary>
    private bool WriteCommittedReplies(PipeWriter output)
    {
        var committed = _spool.CommittedSequence;
        var written = false;
        while (_waiting.TryPeek(out var block) && block.Sequence <= committed)
        {
            _waiting.Dequeue();
            output.Write(block.Replies.WrittenSpan);
            _freeReplies.Push(block.Replies);
            written = true;
        }
        if (_waiting.Count == 0 && _collecting is { } collecting && _lastSequence <= committed)
        {
            output.Write(collecting.WrittenSpan);
            _freeReplies.Push(collecting);
            _collecting = null;
            written = true;
        }
        return written;
    }

    private ArrayBufferWriter<byte> RentReplies()
    {
        if (_freeReplies.TryPop(out var free))
        {
            free.ResetWrittenCount();
            return free;
        }
        return new ArrayBufferWriter<byte>(4096);
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
