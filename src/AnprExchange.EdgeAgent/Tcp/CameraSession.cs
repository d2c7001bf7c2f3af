using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Threading.Channels;
using AnprExchange.EdgeAgent.Ingest;
using AnprExchange.EdgeAgent.Spool;

namespace AnprExchange.EdgeAgent.Tcp;

/// <summary>
/// One camera connection's two loops. The receive loop parses each batch the socket delivered, appends its reads to
/// the spool and asks for a group commit (<see cref="ReadSpool.CommitAsync"/>), then goes on with the next batch at
/// once. The reply loop sends each batch's reply lines, in order, only when that batch's commit has completed. So the
/// fsync of one batch overlaps the parsing of the next, and an <c>ok</c> still means the read is durable. At most
/// <see cref="MaxBatchesInFlight"/> batches wait for their commit; then the receive loop waits, and the camera with it.
/// </summary>
public sealed class CameraSession(ReadLineProcessor processor, ReadSpool spool, int maxLineBytes)
{
    public const int MaxBatchesInFlight = 16;

    /// <summary>Most bytes parsed per batch (more than a line may hold, so every slice ends at least one line).</summary>
    public const int SliceBytes = 256 * 1024;

    private readonly long _sliceBytes = Math.Max(SliceBytes, 2L * maxLineBytes);

    private readonly Channel<PendingReplies> _pending = Channel.CreateBounded<PendingReplies>(
        new BoundedChannelOptions(MaxBatchesInFlight) { SingleReader = true, SingleWriter = true });

    // Reply buffers go round between the loops: at most MaxBatchesInFlight + 2 exist per connection.
    private readonly ConcurrentQueue<ArrayBufferWriter<byte>> _freeReplies = new();

    /// <summary>Runs until the camera closes its side (replies to everything received are sent first) or the connection ends.</summary>
    public async Task RunAsync(PipeReader input, PipeWriter output, CancellationToken closed)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(closed);
        var replying = SendRepliesAsync(output, stop);
        try
        {
            await ReceiveAsync(input, stop.Token);
        }
        catch
        {
            // Nothing not yet replied to is acknowledged: stop the reply loop too.
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            _pending.Writer.TryComplete();
            await replying;
        }
    }

    private async Task ReceiveAsync(PipeReader input, CancellationToken stop)
    {
        while (true)
        {
            var result = await input.ReadAsync(stop);
            var buffer = result.Buffer;
            // A slice at a time: the socket refills the pipe while the slice is parsed, and the commit of one slice
            // overlaps the parsing of the next. A line across the cut is taken whole with the next slice.
            var whole = buffer.Length <= _sliceBytes;
            var slice = whole ? buffer : buffer.Slice(0, _sliceBytes);
            var consumed = slice.Start;
            var replies = RentReplies();
            var appended = 0;
            try
            {
                consumed = processor.Process(slice, result.IsCompleted && whole, replies, out appended);
            }
            finally
            {
                // Unless all of it was seen, the rest is read again at once rather than waiting for more bytes.
                input.AdvanceTo(consumed, whole ? buffer.End : consumed);
            }
            if (replies.WrittenCount > 0)
            {
                var commit = appended > 0 ? spool.CommitAsync() : Task.CompletedTask;
                await _pending.Writer.WriteAsync(new PendingReplies(commit, replies), stop);
            }
            else
            {
                _freeReplies.Enqueue(replies);
            }
            if ((result.IsCompleted && whole) || result.IsCanceled)
            {
                return;
            }
        }
    }

    private async Task SendRepliesAsync(PipeWriter output, CancellationTokenSource stop)
    {
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stop.Token))
            {
                var unflushed = false;
                while (_pending.Reader.TryRead(out var pending))
                {
                    if (!pending.Commit.IsCompletedSuccessfully && unflushed)
                    {
                        // Replies already due go out before waiting on (or failing with) the next commit.
                        if (!await FlushAsync(output, stop))
                        {
                            return;
                        }
                        unflushed = false;
                    }
                    await pending.Commit;
                    output.Write(pending.Replies.WrittenSpan);
                    _freeReplies.Enqueue(pending.Replies);
                    unflushed = true;
                }
                if (unflushed && !await FlushAsync(output, stop))
                {
                    return;
                }
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    }

    /// <summary>False when the camera stopped reading replies: then its reads are no longer taken either.</summary>
    private static async ValueTask<bool> FlushAsync(PipeWriter output, CancellationTokenSource stop)
    {
        var flush = await output.FlushAsync(stop.Token);
        if (flush.IsCompleted || flush.IsCanceled)
        {
            await stop.CancelAsync();
            return false;
        }
        return true;
    }

    private ArrayBufferWriter<byte> RentReplies()
    {
        if (_freeReplies.TryDequeue(out var replies))
        {
            replies.ResetWrittenCount();
            return replies;
        }
        return new ArrayBufferWriter<byte>(16 * 1024);
    }

    private readonly record struct PendingReplies(Task Commit, ArrayBufferWriter<byte> Replies);
}
