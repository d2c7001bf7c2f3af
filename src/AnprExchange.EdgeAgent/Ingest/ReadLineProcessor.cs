using System.Buffers;
using AnprExchange.EdgeAgent.Spool;
using AnprExchange.EdgeAgent.Telemetry;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// The TCP framing: takes newline-terminated reads from a pipe buffer, parses and spools each one, and writes one
/// reply line per read in order (<c>ok &lt;readId&gt;</c> or <c>err &lt;reason&gt;</c>). One instance per connection; the
/// caller commits the spool before flushing the replies. A line over the limit is skipped as it streams in. Reads are
/// parsed straight into a <see cref="SpoolBatch"/> (room reserved as each is staged) that is appended to the spool
/// once per call: one spool lock per batch instead of one per read.
/// </summary>
public sealed class ReadLineProcessor
{
    private static ReadOnlySpan<byte> Ok => "ok "u8;
    private static ReadOnlySpan<byte> Err => "err "u8;

    private readonly ReadSpool _spool;
    private readonly IngestOptions _options;
    private readonly TimeProvider _time;
    private readonly ReadIdGenerator _ids;
    private readonly IRejectedReadSink _rejected;
    private readonly EdgeAgentMetrics _metrics;
    private readonly string _source;
    private readonly byte[] _line;
    private readonly byte[] _scratch;
    private readonly SpoolBatch _batch;
    private readonly int _maxPayloadLength;
    private readonly byte[] _discardedHead;
    private int _discardedHeadLength;
    private bool _discarding;

    public ReadLineProcessor(ReadSpool spool, IngestOptions options, TimeProvider time, ReadIdGenerator ids, IRejectedReadSink rejected, EdgeAgentMetrics metrics, string source = "agent/tcp")
    {
        _spool = spool;
        _options = options;
        _time = time;
        _ids = ids;
        _rejected = rejected;
        _metrics = metrics;
        _source = source;
        _line = new byte[options.MaxLineBytes];
        _scratch = new byte[ReadLineParser.ScratchLength(options.MaxLineBytes)];
        _maxPayloadLength = ReadLineParser.PayloadLength(options.MaxLineBytes);
        _batch = new SpoolBatch(spool, Math.Max(256 * 1024, 4 * _maxPayloadLength));
        _discardedHead = new byte[Math.Min(options.MaxRejectedRawBytes, options.MaxLineBytes)];
    }

    /// <summary>
    /// Handles every complete line in <paramref name="buffer"/>; returns how far it was consumed. When
    /// <paramref name="isFinal"/>, a last line without a newline is handled too. <paramref name="appended"/> counts
    /// reads appended to the spool (commit before sending the replies).
    /// </summary>
    public SequencePosition Process(in ReadOnlySequence<byte> buffer, bool isFinal, IBufferWriter<byte> replies, out int appended)
    {
        appended = 0;
        var context = new ReadParseContext(_time.GetUtcNow(), _options.MaxFutureSkew, _ids);
        var reader = new SequenceReader<byte>(buffer);
        var lines = new ReplyLines(replies);
        while (!reader.End)
        {
            if (_discarding)
            {
                if (!reader.TryAdvanceTo((byte)'\n'))
                {
                    reader.AdvanceToEnd();
                    break;
                }
                _discarding = false;
                Reject(ReadRejection.LineTooLong, _discardedHead.AsSpan(0, _discardedHeadLength), ref lines);
                continue;
            }
            // Most lines lie inside one pipe segment: take them as spans of it, without slicing the sequence, and
            // move the reader once per segment.
            var unread = reader.UnreadSpan;
            var used = 0;
            int newline;
            while ((newline = unread[used..].IndexOf((byte)'\n')) >= 0)
            {
                appended += Handle(unread.Slice(used, newline), context, ref lines);
                used += newline + 1;
            }
            if (used > 0)
            {
                reader.Advance(used);
                continue;
            }
            if (!reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
            {
                if (reader.Remaining > _options.MaxLineBytes)
                {
                    StartDiscarding(reader.UnreadSequence);
                    reader.AdvanceToEnd();
                }
                else if (isFinal)
                {
                    line = reader.UnreadSequence;
                    reader.AdvanceToEnd();
                    appended += Handle(line, context, ref lines);
                }
                break;
            }
            appended += Handle(line, context, ref lines);
        }
        lines.Commit();
        _spool.Append(_batch);
        if (appended > 0)
        {
            _metrics.Accepted(_source, appended);
        }
        return reader.Position;
    }

    private int Handle(in ReadOnlySequence<byte> line, in ReadParseContext context, ref ReplyLines replies)
    {
        if (line.Length > _options.MaxLineBytes)
        {
            StartDiscarding(line);
            _discarding = false;
            Reject(ReadRejection.LineTooLong, _discardedHead.AsSpan(0, _discardedHeadLength), ref replies);
            return 0;
        }
        if (line.IsSingleSegment)
        {
            return Handle(line.FirstSpan, context, ref replies);
        }
        line.CopyTo(_line);
        return Handle(_line.AsSpan(0, (int)line.Length), context, ref replies);
    }

    private int Handle(ReadOnlySpan<byte> span, in ReadParseContext context, ref ReplyLines replies)
    {
        if (span.Length > _options.MaxLineBytes)
        {
            StartDiscarding(span);
            _discarding = false;
            Reject(ReadRejection.LineTooLong, _discardedHead.AsSpan(0, _discardedHeadLength), ref replies);
            return 0;
        }
        span = span.TrimEnd((byte)'\r');
        // A read starts with '{'; only a line that does not is checked for being blank.
        if ((span.IsEmpty || span[0] != (byte)'{') && span.Trim(" \t"u8).IsEmpty)
        {
            return 0;
        }
        if (!_batch.HasRoom(_maxPayloadLength))
        {
            _spool.Append(_batch);
        }
        // The record is parsed straight into the batch that goes to the spool.
        var space = _batch.PayloadSpace;
        var rejection = ReadLineParser.Parse(span, _scratch, space, context, out var payloadLength);
        if (rejection != ReadRejection.None)
        {
            Reject(rejection, span, ref replies);
            return 0;
        }
        if (!_batch.TryStage(payloadLength))
        {
            Reject(ReadRejection.SpoolFull, span, ref replies);
            return 0;
        }
        replies.Write(Ok, SpooledRead.ReadId(space[..payloadLength]));
        return 1;
    }

    private void StartDiscarding(ReadOnlySpan<byte> head)
    {
        _discarding = true;
        _discardedHeadLength = Math.Min(head.Length, _discardedHead.Length);
        head[.._discardedHeadLength].CopyTo(_discardedHead);
    }

    private void StartDiscarding(in ReadOnlySequence<byte> head)
    {
        _discarding = true;
        _discardedHeadLength = (int)Math.Min(head.Length, _discardedHead.Length);
        head.Slice(0, _discardedHeadLength).CopyTo(_discardedHead);
    }

    private void Reject(ReadRejection rejection, ReadOnlySpan<byte> raw, ref ReplyLines replies)
    {
        _rejected.Reject(_source, rejection, raw);
        _metrics.Rejected(_source, rejection);
        var word = rejection.ToWire();
        Span<byte> reason = stackalloc byte[word.Length];
        replies.Write(Err, reason[..System.Text.Encoding.ASCII.GetBytes(word, reason)]);
    }
}
