namespace AnprExchange.EdgeAgent.Spool;

/// <summary>
/// Reads committed records in sequence order, across segments, without taking the spool's lock per record.
/// Not thread-safe: one cursor per consumer (the forwarder). The payload span is valid until the next call.
/// </summary>
public sealed class SpoolCursor : IDisposable
{
    private readonly ReadSpool _spool;
    private readonly SegmentReader _reader = new();
    private SpoolSegment? _segment;

    internal SpoolCursor(ReadSpool spool, long from)
    {
        _spool = spool;
        NextSequence = from;
    }

    /// <summary>Sequence of the next record this cursor returns.</summary>
    public long NextSequence { get; private set; }

    /// <summary>Moves back (or forward) so that the next record returned is <paramref name="sequence"/>.</summary>
    public void Seek(long sequence)
    {
        NextSequence = sequence;
        _segment = null;
        _reader.Close();
    }

    public bool TryRead(out long sequence, out ReadOnlySpan<byte> payload)
    {
        while (true)
        {
            if (_segment is null)
            {
                _segment = _spool.SegmentFor(NextSequence);
                if (_segment is null)
                {
                    sequence = 0;
                    payload = default;
                    return false;
                }
                _reader.Open(_segment.Path);
            }
            var isSealed = _segment.Sealed;
            var status = _reader.TryRead(_segment.CommittedLength, out sequence, out payload);
            if ((status == SegmentReadStatus.Torn || (status == SegmentReadStatus.Record && isSealed && sequence > _segment.LastSequence)) && _spool.IsRetired(_segment))
            {
                // Released and recycled under this cursor (ReadSpool.Spares.cs): the file holds a newer segment's
                // records now. Go on from the segment that holds the next sequence, as after a delete.
                _segment = null;
                _reader.Close();
                continue;
            }
            if (status == SegmentReadStatus.Record)
            {
                if (sequence < NextSequence)
                {
                    continue;
                }
                NextSequence = sequence + 1;
                return true;
            }
            if (status == SegmentReadStatus.Torn)
            {
                throw new InvalidDataException($"Spool segment {_segment.Path} is damaged at byte {_reader.Position}.");
            }
            var next = isSealed && _reader.Position >= _segment.CommittedLength ? _spool.SegmentAfter(_segment) : null;
            if (next is null)
            {
                return false;
            }
            _segment = next;
            _reader.Open(next.Path);
        }
    }

    public void Dispose() => _reader.Dispose();
}
